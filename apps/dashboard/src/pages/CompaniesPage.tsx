import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';

import { EmptyState } from '@wirelens/ui';

import {
  articlesText,
  COMPANY_LISTS,
  CompanyProposalsQuery,
  ConfirmCompanyMutation,
  RegistryCompaniesQuery,
  RejectCompanyMutation,
  tickerText,
  type Proposal,
  type RegistryCompany,
} from '../components/companies/companyDocuments.js';
import { CompanyNamesEditor } from '../components/companies/CompanyNamesEditor.js';
import { MergeCompanyDialog } from '../components/companies/MergeCompanyDialog.js';
import { FormAlert } from '../components/DataTable.js';
import { Field } from '../components/Field.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { useRefetchableQuery } from '../hooks/useRefetchableQuery.js';
import { describeError } from '../lib/errors.js';
import { companyPath } from '../lib/links.js';

const TABS = [
  { key: 'proposals', label: 'Proposals' },
  { key: 'all', label: 'All companies' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

/** Editors: the analyzer's proposed organisations to confirm, reject or merge, and the registry's names and tickers. */
export function CompaniesPage() {
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'all' ? 'all' : 'proposals';
  const search = params.get('q') ?? '';
  const [message, setMessage] = useState<string | null>(null);
  const [merging, setMerging] = useState<{ id: string; slug: string; name: string } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const tabRefs = useRef<Record<TabKey, HTMLButtonElement | null>>({ proposals: null, all: null });

  const update = (next: { tab?: TabKey; q?: string }) => {
    const merged = new URLSearchParams(params);
    if (next.tab !== undefined) {
      if (next.tab === 'proposals') merged.delete('tab');
      else merged.set('tab', next.tab);
    }
    if (next.q !== undefined) {
      if (next.q) merged.set('q', next.q);
      else merged.delete('q');
    }
    setParams(merged, { replace: true });
  };
  const announce = (text: string) => {
    setMessage(text);
    // After a merge the row that opened the dialog may be gone; the message is where focus goes next.
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  // Arrow keys move between the tabs (WAI-ARIA tabs pattern, automatic activation).
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'proposals' ? 'all' : 'proposals';
    update({ tab: next });
    tabRefs.current[next]?.focus();
  };

  return (
    <Page title="Companies" className="companies-admin">
      <Field label="Search companies" className="companies-admin__search">
        <input
          type="search"
          value={search}
          placeholder="Name, alias or ticker"
          maxLength={200}
          onChange={(event) => update({ q: event.target.value })}
        />
      </Field>
      <p className="status-message" role="status" tabIndex={-1} ref={statusRef}>
        {message}
      </p>
      <div role="tablist" aria-label="Company lists" className="segmented tabs" onKeyDown={onTabKey}>
        {TABS.map((item) => (
          <button
            key={item.key}
            ref={(element) => {
              tabRefs.current[item.key] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${item.key}`}
            aria-selected={tab === item.key}
            aria-controls={`panel-${item.key}`}
            tabIndex={tab === item.key ? 0 : -1}
            onClick={() => update({ tab: item.key })}
          >
            {item.label}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabs__panel">
        {tab === 'proposals' ? (
          <ProposalList search={search} onMerge={setMerging} announce={announce} />
        ) : (
          <RegistryList search={search} onMerge={setMerging} />
        )}
      </section>
      {merging && (
        <MergeCompanyDialog
          source={merging}
          onClose={() => setMerging(null)}
          onMerged={(text) => {
            setMerging(null);
            announce(text);
          }}
        />
      )}
    </Page>
  );
}

const DECISIONS = [
  { key: 'confirm', label: 'Confirm', className: 'button' },
  { key: 'reject', label: 'Reject', className: 'button button--danger' },
] as const;

function MergeButton<Company extends { name: string }>({
  company,
  onMerge,
}: {
  company: Company;
  onMerge: (company: Company) => void;
}) {
  return (
    <button
      type="button"
      className="button button--ghost"
      aria-label={`Merge ${company.name} into another company`}
      onClick={() => onMerge(company)}
    >
      Merge
    </button>
  );
}

const shownOf = (shown: number, total: number, noun: string) =>
  shown < total ? `Showing ${shown} of ${total} ${noun}; search to narrow them down.` : null;

function ProposalList({
  search,
  onMerge,
  announce,
}: {
  search: string;
  onMerge: (company: Proposal) => void;
  announce: (text: string) => void;
}) {
  const [result, retry] = useRefetchableQuery({
    query: CompanyProposalsQuery,
    variables: { search: search.trim() || null },
    context: COMPANY_LISTS,
  });
  const [confirmState, confirm] = useMutation(ConfirmCompanyMutation);
  const [rejectState, reject] = useMutation(RejectCompanyMutation);
  const busy = confirmState.fetching || rejectState.fetching;
  const error = confirmState.error ?? rejectState.error;
  const decide = async (company: Proposal, decision: 'confirm' | 'reject') => {
    const outcome =
      decision === 'confirm' ? await confirm({ id: company.id }) : await reject({ id: company.id });
    if (!outcome.error)
      announce(
        decision === 'confirm'
          ? `Confirmed ${company.name}: it is now in the registry.`
          : `Rejected ${company.name}: removed from ${articlesText(company.articleCount)}.`,
      );
  };
  return (
    <QueryState result={result} retry={retry} loadingLabel="Loading proposals">
      {(data) => {
        const proposals = data.companyProposals.edges.map((edge) => edge.node);
        if (proposals.length === 0)
          return (
            <EmptyState title={search ? 'No proposal matches' : 'No proposals waiting'}>
              <p>
                Organisations the analyzer finds outside the registry appear here, the most frequent first.
              </p>
            </EmptyState>
          );
        return (
          <>
            <p className="muted">
              {data.companyProposals.totalCount} proposed by the analyzer, the most frequent first.{' '}
              {shownOf(proposals.length, data.companyProposals.totalCount, 'proposals')}
            </p>
            <FormAlert>{error && describeError(error).message}</FormAlert>
            <ul className="company-rows" aria-label="Proposed companies">
              {proposals.map((company) => (
                <li key={company.id} className="company-row">
                  <div className="company-row__head">
                    <h2 className="company-row__name">{company.name}</h2>
                    <span className="muted">{articlesText(company.articleCount)}</span>
                  </div>
                  <div className="company-row__actions">
                    {DECISIONS.map((decision) => (
                      <button
                        key={decision.key}
                        type="button"
                        className={decision.className}
                        aria-label={`${decision.label} ${company.name}`}
                        disabled={busy}
                        onClick={() => void decide(company, decision.key)}
                      >
                        {decision.label}
                      </button>
                    ))}
                    <MergeButton company={company} onMerge={onMerge} />
                  </div>
                </li>
              ))}
            </ul>
          </>
        );
      }}
    </QueryState>
  );
}

function RegistryList({ search, onMerge }: { search: string; onMerge: (company: RegistryCompany) => void }) {
  const [result, retry] = useRefetchableQuery({
    query: RegistryCompaniesQuery,
    variables: { search: search.trim() || null },
    context: COMPANY_LISTS,
  });
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <QueryState result={result} retry={retry} loadingLabel="Loading companies">
      {(data) => {
        const companies = data.companies.edges.map((edge) => edge.node);
        if (companies.length === 0) return <EmptyState title="No company matches" />;
        return (
          <>
            <p className="muted">
              {data.companies.totalCount} in the registry.{' '}
              {shownOf(companies.length, data.companies.totalCount, 'companies')}
            </p>
            <ul className="company-rows" aria-label="Registry companies">
              {companies.map((company) => (
                <li key={company.id} className="company-row">
                  <div className="company-row__head">
                    <h2 className="company-row__name">
                      <Link to={companyPath(company.slug)}>{company.name}</Link>
                    </h2>
                    <span className="muted">{articlesText(company.articleCount)}</span>
                  </div>
                  <p className="small company-row__names">
                    {company.tickers.length > 0 && <>{company.tickers.map(tickerText).join(', ')} · </>}
                    {company.aliases.length > 0 ? `Also: ${company.aliases.join(', ')}` : 'No other names'}
                  </p>
                  <div className="company-row__actions">
                    <button
                      type="button"
                      className="button button--ghost"
                      aria-expanded={editing === company.id}
                      aria-controls={`names-${company.slug}`}
                      aria-label={`Names and tickers of ${company.name}`}
                      onClick={() => setEditing((open) => (open === company.id ? null : company.id))}
                    >
                      Names and tickers
                    </button>
                    <MergeButton company={company} onMerge={onMerge} />
                  </div>
                  <div id={`names-${company.slug}`} hidden={editing !== company.id}>
                    {editing === company.id && <CompanyNamesEditor company={company} />}
                  </div>
                </li>
              ))}
            </ul>
          </>
        );
      }}
    </QueryState>
  );
}
