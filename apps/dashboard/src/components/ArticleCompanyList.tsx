import { useState } from 'react';
import { useMutation } from 'urql';

import { CompanyChip } from '@wirelens/ui';

import { readFragment } from '../graphql.js';
import type { CorrectionPayload } from '../lib/analysisForm.js';
import { describeError } from '../lib/errors.js';
import { companyPath } from '../lib/links.js';
import { ConflictNotice } from './ConflictNotice.js';
import { CorrectMutation, ReviewResultFields } from './review/reviewDocuments.js';
import { RouterLink } from './RouterLink.js';

interface Mention {
  relevance: number;
  sentimentScore: number;
  company: { id: string; slug: string; name: string };
}

type Outcome =
  | { kind: 'removed'; name: string; previous: Mention[]; version: number }
  | { kind: 'restored'; name: string }
  | { kind: 'conflict' }
  | { kind: 'error'; message: string };

const companyValues = (mentions: Mention[]): NonNullable<CorrectionPayload['companies']> =>
  mentions.map((m) => ({
    companyId: m.company.id,
    relevance: m.relevance,
    sentimentScore: m.sentimentScore,
  }));

/**
 * The article's companies as chips. Editors get "Not this company" beside each: one click saves a
 * correction of the company list without it (the same correction the edit form writes, so the learned
 * layer reads it alike), at the version the page loaded; Undo is an ordinary edit putting it back.
 */
export function ArticleCompanyList({
  articleId,
  reviewVersion,
  companies,
  canCorrect,
  reload,
}: {
  articleId: string;
  reviewVersion: number;
  companies: Mention[];
  canCorrect: boolean;
  reload: () => void;
}) {
  const [state, correct] = useMutation(CorrectMutation);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const save = async (mentions: Mention[], expectedVersion: number, note: string) => {
    const result = await correct({
      input: { articleId, expectedVersion, companies: companyValues(mentions), note },
    });
    if (result.error) return { kind: 'error' as const, message: describeError(result.error).message };
    const value = result.data && readFragment(ReviewResultFields, result.data.correctAnalysis);
    if (!value || value.__typename === 'AnalysisConflict') return { kind: 'conflict' as const };
    return { kind: 'success' as const, version: value.version };
  };

  const remove = async (mention: Mention) => {
    const saved = await save(
      companies.filter((m) => m.company.id !== mention.company.id),
      reviewVersion,
      `Not this company: ${mention.company.name}`,
    );
    setOutcome(
      saved.kind === 'success'
        ? { kind: 'removed', name: mention.company.name, previous: companies, version: saved.version }
        : saved,
    );
  };

  const undo = async (removed: Extract<Outcome, { kind: 'removed' }>) => {
    const saved = await save(
      removed.previous,
      removed.version,
      `Undo: ${removed.name} is mentioned after all`,
    );
    setOutcome(saved.kind === 'success' ? { kind: 'restored', name: removed.name } : saved);
  };

  return (
    <>
      {companies.length > 0 ? (
        <ul className="wl-chip-list" aria-label="Mentioned companies">
          {companies.map((item) => (
            <li key={item.company.id}>
              <CompanyChip
                name={item.company.name}
                href={companyPath(item.company.slug)}
                sentiment={item.sentimentScore}
                relevance={item.relevance}
                linkComponent={RouterLink}
              />
              {canCorrect && (
                <button
                  type="button"
                  className="button button--ghost not-company"
                  aria-label={`Not this company: ${item.company.name}`}
                  disabled={state.fetching}
                  onClick={() => void remove(item)}
                >
                  Not this company
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No companies detected.</p>
      )}
      {outcome?.kind === 'removed' && (
        <p className="status-message" role="status">
          Removed {outcome.name} from this article; the correction is in its history.{' '}
          <button
            type="button"
            className="button button--ghost"
            disabled={state.fetching}
            onClick={() => void undo(outcome)}
          >
            Undo
          </button>
        </p>
      )}
      {outcome?.kind === 'restored' && (
        <p className="status-message" role="status">
          {outcome.name} is back on this article.
        </p>
      )}
      {outcome?.kind === 'conflict' && (
        <ConflictNotice
          onReload={() => {
            setOutcome(null);
            reload();
          }}
        >
          <strong>Someone changed this analysis since you opened it.</strong> Nothing was removed; reload to
          see the current companies, then try again.
        </ConflictNotice>
      )}
      {outcome?.kind === 'error' && (
        <p className="form-error" role="alert">
          {outcome.message}
        </p>
      )}
    </>
  );
}
