import { useId, useMemo, useState, type FormEvent } from 'react';
import {
  SENTIMENT_LABELS,
  sentimentLabelFromScore,
  sentimentLabelText,
  type SentimentLabel,
} from '@wirelens/ui';
import {
  correctionPayload,
  validateAnalysisForm,
  type AnalysisFormValues,
  type CorrectionPayload,
  type FormErrors,
} from '../../lib/analysisForm.js';
import { CompanyPicker } from '../CompanyPicker.js';

export interface EditAnalysisFormProps {
  initial: AnalysisFormValues;
  topics: readonly { id: string; name: string }[];
  submitting: boolean;
  /** A server-side message (e.g. BAD_USER_INPUT) to show above the buttons. */
  serverError?: string | null;
  onSubmit: (payload: CorrectionPayload, note: string, values: AnalysisFormValues) => void;
  onCancel: () => void;
}

/** Every correctable field of an analysis, checked before sending; only changed fields are submitted. */
export function EditAnalysisForm({
  initial,
  topics,
  submitting,
  serverError,
  onSubmit,
  onCancel,
}: EditAnalysisFormProps) {
  const [values, setValues] = useState<AnalysisFormValues>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();
  const set = (patch: Partial<AnalysisFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const availableTopics = useMemo(
    () => topics.filter((topic) => !values.topics.some((t) => t.topicId === topic.id)),
    [topics, values.topics],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateAnalysisForm(values, initial);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setNotice('Some fields need attention.');
      return;
    }
    const payload = correctionPayload(initial, values);
    if (Object.keys(payload).length === 0) {
      setNotice('Nothing has changed yet. Edit a field, or use Approve to confirm the values as they are.');
      return;
    }
    setNotice(null);
    onSubmit(payload, values.note.trim(), values);
  };

  const fieldError = (key: keyof FormErrors) =>
    errors[key] ? (
      <span className="form-error" id={`${id}-${key}-error`}>
        {errors[key]}
      </span>
    ) : null;
  const described = (key: keyof FormErrors) => (errors[key] ? `${id}-${key}-error` : undefined);

  return (
    <form className="form edit-form" onSubmit={submit} aria-label="Edit analysis" noValidate>
      <div className="form-row">
        <div className="field-wrap">
          <label className="field">
            <span>Sentiment score (−1 to 1)</span>
            <input
              type="number"
              step="0.01"
              min={-1}
              max={1}
              value={values.sentimentScore}
              aria-invalid={Boolean(errors.sentimentScore)}
              aria-describedby={described('sentimentScore')}
              onChange={(event) => {
                const score = Number(event.target.value);
                // The label follows the score, as it does on the server, unless the editor changes it after.
                set({
                  sentimentScore: event.target.value,
                  ...(event.target.value.trim() !== '' && Number.isFinite(score) && score >= -1 && score <= 1
                    ? { sentimentLabel: sentimentLabelFromScore(score) }
                    : {}),
                });
              }}
            />
          </label>
          {fieldError('sentimentScore')}
        </div>
        <div className="field-wrap">
          <label className="field">
            <span>Sentiment label</span>
            <select
              value={values.sentimentLabel}
              aria-invalid={Boolean(errors.sentimentLabel)}
              aria-describedby={described('sentimentLabel')}
              onChange={(event) => set({ sentimentLabel: event.target.value as SentimentLabel })}
            >
              {SENTIMENT_LABELS.map((label) => (
                <option key={label} value={label}>
                  {sentimentLabelText(label)}
                </option>
              ))}
            </select>
          </label>
          {fieldError('sentimentLabel')}
        </div>
        <div className="field-wrap">
          <label className="field">
            <span>Importance (1–10)</span>
            <input
              type="number"
              min={1}
              max={10}
              step={1}
              value={values.importance}
              aria-invalid={Boolean(errors.importance)}
              aria-describedby={described('importance')}
              onChange={(event) => set({ importance: event.target.value })}
            />
          </label>
          {fieldError('importance')}
        </div>
      </div>
      <div className="field-wrap">
        <label className="field">
          <span>Summary</span>
          <textarea
            rows={4}
            value={values.summary}
            aria-invalid={Boolean(errors.summary)}
            aria-describedby={described('summary')}
            onChange={(event) => set({ summary: event.target.value })}
          />
        </label>
        {fieldError('summary')}
      </div>
      <div className="field-wrap">
        <label className="field">
          <span>Analysis paragraphs (separate with a blank line)</span>
          <textarea
            rows={8}
            value={values.paragraphs}
            aria-invalid={Boolean(errors.paragraphs)}
            aria-describedby={described('paragraphs')}
            onChange={(event) => set({ paragraphs: event.target.value })}
          />
        </label>
        {fieldError('paragraphs')}
      </div>
      <div className="field-wrap">
        <label className="field">
          <span>Key takeaways (one per line)</span>
          <textarea
            rows={5}
            value={values.takeaways}
            aria-invalid={Boolean(errors.takeaways)}
            aria-describedby={described('takeaways')}
            onChange={(event) => set({ takeaways: event.target.value })}
          />
        </label>
        {fieldError('takeaways')}
      </div>

      <fieldset className="field">
        <legend>Companies</legend>
        {values.companies.length === 0 && <p className="muted small">No companies.</p>}
        <ul className="edit-list">
          {values.companies.map((company, index) => (
            <li key={company.companyId}>
              <span className="edit-list__name">{company.name}</span>
              <label>
                <span>Relevance</span>
                <input
                  type="number"
                  step="0.05"
                  min={0}
                  max={1}
                  value={company.relevance}
                  aria-label={`${company.name} relevance`}
                  onChange={(event) =>
                    set({
                      companies: values.companies.map((c, i) =>
                        i === index ? { ...c, relevance: event.target.value } : c,
                      ),
                    })
                  }
                />
              </label>
              <label>
                <span>Sentiment</span>
                <input
                  type="number"
                  step="0.05"
                  min={-1}
                  max={1}
                  value={company.sentimentScore}
                  aria-label={`${company.name} sentiment`}
                  onChange={(event) =>
                    set({
                      companies: values.companies.map((c, i) =>
                        i === index ? { ...c, sentimentScore: event.target.value } : c,
                      ),
                    })
                  }
                />
              </label>
              <button
                type="button"
                className="button button--ghost"
                aria-label={`Remove ${company.name}`}
                onClick={() => set({ companies: values.companies.filter((_, i) => i !== index) })}
              >
                Remove
              </button>
              {errors[`companies.${index}`] && (
                <span className="form-error">{errors[`companies.${index}`]}</span>
              )}
            </li>
          ))}
        </ul>
        <CompanyPicker
          label="Add a company"
          exclude={[]}
          onPick={(company) => {
            if (values.companies.some((c) => c.companyId === company.id)) return;
            set({
              companies: [
                ...values.companies,
                { companyId: company.id, name: company.name, relevance: '0.5', sentimentScore: '0' },
              ],
            });
          }}
        />
      </fieldset>

      <fieldset className="field">
        <legend>Topics</legend>
        <ul className="edit-list">
          {values.topics.map((topic, index) => (
            <li key={topic.topicId}>
              <span className="edit-list__name">{topic.name}</span>
              <label>
                <span>Relevance</span>
                <input
                  type="number"
                  step="0.05"
                  min={0}
                  max={1}
                  value={topic.relevance}
                  aria-label={`${topic.name} relevance`}
                  onChange={(event) =>
                    set({
                      topics: values.topics.map((t, i) =>
                        i === index ? { ...t, relevance: event.target.value } : t,
                      ),
                    })
                  }
                />
              </label>
              <button
                type="button"
                className="button button--ghost"
                aria-label={`Remove ${topic.name}`}
                onClick={() => set({ topics: values.topics.filter((_, i) => i !== index) })}
              >
                Remove
              </button>
              {errors[`topics.${index}`] && <span className="form-error">{errors[`topics.${index}`]}</span>}
            </li>
          ))}
        </ul>
        <label className="field">
          <span>Add a topic</span>
          <select
            value=""
            onChange={(event) => {
              const topic = topics.find((t) => t.id === event.target.value);
              if (topic)
                set({
                  topics: [...values.topics, { topicId: topic.id, name: topic.name, relevance: '0.5' }],
                });
            }}
          >
            <option value="">Choose a topic…</option>
            {availableTopics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.name}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <div className="field-wrap">
        <label className="field">
          <span>Note for the history (why)</span>
          <textarea
            rows={2}
            value={values.note}
            aria-invalid={Boolean(errors.note)}
            aria-describedby={described('note')}
            onChange={(event) => set({ note: event.target.value })}
          />
        </label>
        {fieldError('note')}
      </div>
      {(notice ?? serverError) && (
        <p className="form-error" role="alert">
          {notice ?? serverError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Saving…' : 'Save correction'}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
