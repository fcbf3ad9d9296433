import { useState } from 'react';

import { DiffView, formatAbsoluteTime } from '@wirelens/ui';

import type { CorrectionPayload } from '../../lib/analysisForm.js';
import {
  snapshotValues,
  VALUE_FIELDS,
  VALUE_FIELDS_WITH_IMPLIED_LABEL,
  type ComparableValues,
  type NamedValues,
} from '../../lib/analysisValues.js';

export interface ConflictInfo {
  currentVersion: number;
  lastChangedAt: string | null;
  lastChangedBy: { name: string | null } | null;
  current: NamedValues | null;
}

type Side = 'mine' | 'theirs';
const MERGE_OPTIONS: readonly (readonly [Side, string])[] = [
  ['mine', 'Mine'],
  ['theirs', 'Saved'],
];

/**
 * Someone saved this analysis after it was loaded. Their values and the editor's sit side by side; for each
 * field the editor changed, they keep theirs or take the saved one, then save the merge on the new version.
 */
export function ConflictMerge({
  conflict,
  yours,
  yourValues,
  submitting,
  onMerge,
  onDiscard,
}: {
  conflict: ConflictInfo;
  yours: CorrectionPayload;
  /** `yours` with the names the form showed. */
  yourValues: NamedValues;
  submitting: boolean;
  onMerge: (payload: CorrectionPayload, expectedVersion: number) => void;
  onDiscard: () => void;
}) {
  const keys = Object.keys(yours) as (keyof CorrectionPayload)[];
  const [choice, setChoice] = useState<Record<string, Side>>(() =>
    Object.fromEntries(keys.map((key) => [key, 'mine'])),
  );
  const saved = snapshotValues(conflict.current ?? {});
  const mine: ComparableValues = { ...saved, ...snapshotValues(yourValues) };
  // Fields the editor did not touch show the saved value on both sides, so only real differences stand out.
  for (const field of VALUE_FIELDS) if (!(field.key in yours)) mine[field.key] = saved[field.key] as never;
  const who = conflict.lastChangedBy ? (conflict.lastChangedBy.name ?? 'Another editor') : 'A new AI run';
  const labelOf = (key: string) => VALUE_FIELDS.find((field) => field.key === key)?.label ?? key;

  const merged = (): CorrectionPayload =>
    Object.fromEntries(keys.filter((key) => choice[key] === 'mine').map((key) => [key, yours[key]]));

  return (
    <section className="conflict" aria-labelledby="conflict-heading" role="region">
      <h3 id="conflict-heading">Someone else changed this analysis</h3>
      <p>
        {who} saved changes
        {conflict.lastChangedAt ? ` on ${formatAbsoluteTime(conflict.lastChangedAt)}` : ''} after you opened
        it. Nothing of yours was saved yet. Compare, choose per field, then save the merge.
      </p>
      <DiffView
        before={saved}
        after={mine}
        fields={VALUE_FIELDS_WITH_IMPLIED_LABEL}
        beforeLabel={`Saved (${who})`}
        afterLabel="Yours"
        caption="Saved values beside yours"
        changedOnly
      />
      <fieldset className="merge-choices">
        <legend>Keep for each field you changed</legend>
        {keys.map((key) => (
          <div key={key} role="radiogroup" aria-label={labelOf(key)} className="merge-choice">
            <span className="merge-choice__label">{labelOf(key)}</span>
            {MERGE_OPTIONS.map(([side, text]) => (
              <label key={side}>
                <input
                  type="radio"
                  name={`merge-${key}`}
                  checked={choice[key] === side}
                  onChange={() => setChoice((current) => ({ ...current, [key]: side }))}
                />
                {text}
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={submitting}
          onClick={() => {
            const payload = merged();
            if (Object.keys(payload).length === 0) onDiscard();
            else onMerge(payload, conflict.currentVersion);
          }}
        >
          Save merged values
        </button>
        <button type="button" className="button button--ghost" onClick={onDiscard}>
          Discard mine and reload
        </button>
      </div>
    </section>
  );
}
