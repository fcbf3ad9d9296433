import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';

import { describeError } from '../../lib/errors.js';
import { CompanyPicker, type PickedCompany } from '../CompanyPicker.js';
import { FormAlert } from '../DataTable.js';
import { articlesText, MergeCompaniesMutation, MergePreviewQuery, tickerText } from './companyDocuments.js';

/**
 * Merging a duplicate: pick the company that stays, read what moves (articles, mentions, series points,
 * names, tickers), then confirm. A modal dialog: focus stays inside and Escape cancels.
 */
export function MergeCompanyDialog({
  source,
  onClose,
  onMerged,
}: {
  source: { id: string; slug: string; name: string };
  onClose: () => void;
  onMerged: (message: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState<PickedCompany | null>(null);
  const [preview] = useQuery({
    query: MergePreviewQuery,
    variables: { sourceId: source.id, targetId: target?.id ?? '' },
    pause: !target,
    requestPolicy: 'network-only',
  });
  const [merging, merge] = useMutation(MergeCompaniesMutation);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const headingId = `merge-${source.slug}-heading`;
  const moves = preview.data?.companyMergePreview;

  const confirm = async () => {
    if (!target) return;
    const outcome = await merge({ sourceId: source.id, targetId: target.id });
    if (!outcome.error)
      onMerged(
        `Merged ${source.name} into ${target.name}; ${moves ? articlesText(moves.articlesMoving) : 'its articles'} moved.`,
      );
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>Merge {source.name} into another company</h2>
      <p className="muted">
        {source.name} goes away: its articles, names and tickers move to the company you choose, and later
        articles naming it count for that company.
      </p>
      {target ? (
        <p>
          Merge into <strong>{target.name}</strong>{' '}
          <button type="button" className="button button--ghost" onClick={() => setTarget(null)}>
            Choose another
          </button>
        </p>
      ) : (
        <CompanyPicker label="Merge into" exclude={[source.slug]} onPick={setTarget} />
      )}
      {target && preview.fetching && <p role="status">Counting what moves…</p>}
      <FormAlert>{preview.error && describeError(preview.error).message}</FormAlert>
      {target && moves && (
        <section aria-label="What moves" className="merge-preview">
          <h3>What moves to {target.name}</h3>
          <ul>
            <li>
              {articlesText(moves.articlesMoving)} ({moves.mentionsMoving}{' '}
              {moves.mentionsMoving === 1 ? 'mention' : 'mentions'})
            </li>
            <li>
              {moves.seriesPointsMoving} {moves.seriesPointsMoving === 1 ? 'point' : 'points'} in the
              sentiment series
            </li>
            <li>
              {moves.articlesShared === 0
                ? 'No article names both'
                : `${articlesText(moves.articlesShared)} already ${moves.articlesShared === 1 ? 'names both and stays' : 'name both and stay'} with ${target.name}`}
            </li>
            <li>Names: {moves.aliasesJoining.length > 0 ? moves.aliasesJoining.join(', ') : 'none new'}</li>
            <li>
              Tickers:{' '}
              {moves.tickersJoining.length > 0 ? moves.tickersJoining.map(tickerText).join(', ') : 'none'}
            </li>
          </ul>
        </section>
      )}
      <FormAlert>{merging.error && describeError(merging.error).message}</FormAlert>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={!target || !moves || merging.fetching}
          onClick={() => void confirm()}
        >
          {target ? `Merge into ${target.name}` : 'Merge'}
        </button>
        <button type="button" className="button button--ghost" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
