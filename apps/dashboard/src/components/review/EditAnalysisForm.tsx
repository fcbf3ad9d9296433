import { useMemo, useState, type FormEvent, type ReactNode } from 'react';

import {
  SENTIMENT_LABELS,
  sentimentLabelFromScore,
  sentimentLabelText,
  type SentimentLabel,
} from '@wirelens/ui';

import { useFieldErrors } from '../../hooks/useFieldErrors.js';
import {
  correctionPayload,
  validateAnalysisForm,
  type AnalysisFormValues,
  type CorrectionPayload,
  type FormErrors,
} from '../../lib/analysisForm.js';
import { CompanyPicker } from '../CompanyPicker.js';
import { FormAlert } from '../DataTable.js';
import { AddSelect, Field } from '../Field.js';

type TextField = 'summary' | 'paragraphs' | 'takeaways' | 'note';

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

  const { fieldError, invalid } = useFieldErrors(errors);
  /** A labelled control with its error below. */
  const field = (key: keyof FormErrors, label: string, control: ReactNode) => (
    <div className="field-wrap">
      <Field label={label}>{control}</Field>
      {fieldError(key)}
    </div>
  );
  const textArea = (key: TextField, label: string, rows: number) =>
    field(
      key,
      label,
      <textarea
        rows={rows}
        value={values[key]}
        {...invalid(key)}
        onChange={(event) => setValues((current) => ({ ...current, [key]: event.target.value }))}
      />,
    );
  const updateCompany = (index: number, patch: Partial<AnalysisFormValues['companies'][number]>) =>
    set({ companies: values.companies.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const updateTopic = (index: number, patch: Partial<AnalysisFormValues['topics'][number]>) =>
    set({ topics: values.topics.map((t, i) => (i === index ? { ...t, ...patch } : t)) });

  return (
    <form className="form edit-form" onSubmit={submit} aria-label="Edit analysis" noValidate>
      <div className="form-row">
        {field(
          'sentimentScore',
          'Sentiment score (−1 to 1)',
          <input
            type="number"
            step="0.01"
            min={-1}
            max={1}
            value={values.sentimentScore}
            {...invalid('sentimentScore')}
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
          />,
        )}
        {field(
          'sentimentLabel',
          'Sentiment label',
          <select
            value={values.sentimentLabel}
            {...invalid('sentimentLabel')}
            onChange={(event) => set({ sentimentLabel: event.target.value as SentimentLabel })}
          >
            {SENTIMENT_LABELS.map((label) => (
              <option key={label} value={label}>
                {sentimentLabelText(label)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'importance',
          'Importance (1–10)',
          <input
            type="number"
            min={1}
            max={10}
            step={1}
            value={values.importance}
            {...invalid('importance')}
            onChange={(event) => set({ importance: event.target.value })}
          />,
        )}
      </div>
      {textArea('summary', 'Summary', 4)}
      {textArea('paragraphs', 'Analysis paragraphs (separate with a blank line)', 8)}
      {textArea('takeaways', 'Key takeaways (one per line)', 5)}

      <fieldset className="field">
        <legend>Companies</legend>
        {values.companies.length === 0 && <p className="muted small">No companies.</p>}
        <ul className="edit-list">
          {values.companies.map((company, index) => (
            <EditListItem
              key={company.companyId}
              name={company.name}
              error={errors[`companies.${index}`]}
              onRemove={() => set({ companies: values.companies.filter((_, i) => i !== index) })}
            >
              <UnitInput
                label="Relevance"
                subject={company.name}
                min={0}
                value={company.relevance}
                onChange={(relevance) => updateCompany(index, { relevance })}
              />
              <UnitInput
                label="Sentiment"
                subject={company.name}
                min={-1}
                value={company.sentimentScore}
                onChange={(sentimentScore) => updateCompany(index, { sentimentScore })}
              />
            </EditListItem>
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
            <EditListItem
              key={topic.topicId}
              name={topic.name}
              error={errors[`topics.${index}`]}
              onRemove={() => set({ topics: values.topics.filter((_, i) => i !== index) })}
            >
              <UnitInput
                label="Relevance"
                subject={topic.name}
                min={0}
                value={topic.relevance}
                onChange={(relevance) => updateTopic(index, { relevance })}
              />
            </EditListItem>
          ))}
        </ul>
        <AddSelect
          label="Add a topic"
          prompt="Choose a topic…"
          options={availableTopics.map((topic) => ({ value: topic.id, label: topic.name }))}
          onAdd={(id) => {
            const topic = topics.find((t) => t.id === id);
            if (topic)
              set({ topics: [...values.topics, { topicId: topic.id, name: topic.name, relevance: '0.5' }] });
          }}
        />
      </fieldset>

      {textArea('note', 'Note for the history (why)', 2)}
      <FormAlert>{notice ?? serverError}</FormAlert>
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

/** A relevance or sentiment value of a company or topic, from `min` to 1. */
function UnitInput({
  label,
  subject,
  min,
  value,
  onChange,
}: {
  label: string;
  subject: string;
  min: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      <span>{label}</span>
      <input
        type="number"
        step="0.05"
        min={min}
        max={1}
        value={value}
        aria-label={`${subject} ${label.toLowerCase()}`}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

/** One company or topic of the analysis: its name, its number inputs, a button to remove it and its error. */
function EditListItem({
  name,
  error,
  onRemove,
  children,
}: {
  name: string;
  error: string | undefined;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <li>
      <span className="edit-list__name">{name}</span>
      {children}
      <button type="button" className="button button--ghost" aria-label={`Remove ${name}`} onClick={onRemove}>
        Remove
      </button>
      {error && <span className="form-error">{error}</span>}
    </li>
  );
}
