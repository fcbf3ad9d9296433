import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';

import { EmptyState, formatAbsoluteTime } from '@wirelens/ui';

import { ActionButton } from '../../components/ActionButton.js';
import { CompanyPicker, type PickedCompany } from '../../components/CompanyPicker.js';
import { FormAlert } from '../../components/DataTable.js';
import { Field, SelectField } from '../../components/Field.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { SentimentChecks } from '../../components/SentimentChecks.js';
import { AlertRuleTargetFields } from '../../fragments.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { useFieldErrors } from '../../hooks/useFieldErrors.js';
import { useRefetchableQuery } from '../../hooks/useRefetchableQuery.js';
import { TopicsQuery } from '../../hooks/useResolvedFilter.js';
import {
  describeParams,
  figuresText,
  formFromRule,
  kindLabel,
  NEW_RULE,
  RULE_KINDS,
  ruleFromForm,
  type RuleFormErrors,
  type RuleFormValues,
} from '../../lib/alertRuleForm.js';
import { describeError } from '../../lib/errors.js';
import { notificationLink } from '../NotificationsPage.js';
import { WatchlistNamesQuery, watchlistOf, WatchlistQuery } from './queries.js';

const AlertRuleFields = graphql(
  `
    fragment AlertRuleFields on AlertRule @_unmask {
      id
      name
      kind
      params
      enabled
      cooldownMinutes
      lastFiredAt
      ...AlertRuleTargetFields
      savedFilter {
        name
        feedQuery
      }
      lastFiring {
        kind
        figures
        windowStart
        windowEnd
        firedAt
        articles {
          id
          title
        }
      }
    }
  `,
  [AlertRuleTargetFields],
);

export const AlertRulesQuery = graphql(
  `
    query AlertRules {
      alertRules {
        ...AlertRuleFields
      }
    }
  `,
  [AlertRuleFields],
);

const CreateAlertRuleMutation = graphql(
  `
    mutation CreateAlertRule($input: CreateAlertRuleInput!) {
      createAlertRule(input: $input) {
        ...AlertRuleFields
      }
    }
  `,
  [AlertRuleFields],
);

const UpdateAlertRuleMutation = graphql(
  `
    mutation UpdateAlertRule($input: UpdateAlertRuleInput!) {
      updateAlertRule(input: $input) {
        ...AlertRuleFields
      }
    }
  `,
  [AlertRuleFields],
);

const DeleteAlertRuleMutation = graphql(`
  mutation DeleteAlertRule($id: ID!) {
    deleteAlertRule(id: $id)
  }
`);

type Rule = ResultOf<typeof AlertRulesQuery>['alertRules'][number];

/** Your alert rules with their last firing and why, and a form for new ones. */
export function AlertRulesPage() {
  const [result, refresh] = useRefetchableQuery({ query: AlertRulesQuery });
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Page
      title="Alert rules"
      narrow
      intro={
        <>
          A rule watches a <Link to="/watchlists">watchlist</Link>, a company, a topic or a saved filter. Its
          firings appear under <Link to="/notifications">Notifications</Link>; after one it stays quiet for
          its cooldown, and one story told by many sources fires once.
        </>
      }
    >
      <RuleForm onSaved={refresh} />
      <QueryState result={result} retry={refresh} skeletonLines={6} loadingLabel="Loading alert rules">
        {(data) =>
          data.alertRules.length === 0 ? (
            <EmptyState title="No alert rules yet">
              <p>Create one above to hear when something changes on what you follow.</p>
            </EmptyState>
          ) : (
            <ol className="card-list rules" aria-label="Your alert rules">
              {data.alertRules.map((rule) => (
                <li key={rule.id}>
                  {editing === rule.id ? (
                    <RuleForm
                      rule={rule}
                      onSaved={() => {
                        setEditing(null);
                        refresh();
                      }}
                      onCancel={() => setEditing(null)}
                    />
                  ) : (
                    <RuleCard rule={rule} onEdit={() => setEditing(rule.id)} onChanged={refresh} />
                  )}
                </li>
              ))}
            </ol>
          )
        }
      </QueryState>
    </Page>
  );
}

function targetName(rule: Rule): string {
  if (rule.watchlist) return `watchlist “${rule.watchlist.name}”`;
  if (rule.company) return rule.company.name;
  if (rule.topic) return `topic ${rule.topic.name}`;
  if (rule.savedFilter) return `saved filter “${rule.savedFilter.name}”`;
  return 'nothing';
}

function RuleCard({ rule, onEdit, onChanged }: { rule: Rule; onEdit: () => void; onChanged: () => void }) {
  const [update, sendUpdate] = useMutation(UpdateAlertRuleMutation);
  const [removal, sendDelete] = useMutation(DeleteAlertRuleMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (send: () => Promise<{ error?: Parameters<typeof describeError>[0] }>) => {
    const outcome = await send();
    setProblem(outcome.error ? describeError(outcome.error).message : null);
    if (!outcome.error) onChanged();
  };
  const firing = rule.lastFiring;
  const link = firing ? notificationLink({ ...firing, rule }) : null;
  return (
    <article className="rule" aria-label={rule.name}>
      <div className="section-head">
        <h2 className="rule__name">
          {rule.name} {!rule.enabled && <span className="muted small">(disabled)</span>}
        </h2>
        <div className="button-row">
          <ActionButton
            tone="ghost"
            busy={update.fetching}
            onClick={() => act(() => sendUpdate({ input: { id: rule.id, enabled: !rule.enabled } }))}
          >
            {rule.enabled ? 'Disable' : 'Enable'}
          </ActionButton>
          <ActionButton tone="ghost" onClick={onEdit}>
            Edit
          </ActionButton>
          <ActionButton
            tone="danger"
            busy={removal.fetching}
            confirm={`Delete the rule “${rule.name}” and its firings?`}
            onClick={() => act(() => sendDelete({ id: rule.id }))}
          >
            Delete
          </ActionButton>
        </div>
      </div>
      <p>
        {kindLabel(rule.kind)} on {targetName(rule)}: {describeParams(rule.kind, rule.params)}; cooldown{' '}
        {rule.cooldownMinutes} min.
      </p>
      {firing ? (
        <p className="small">
          Last fired {formatAbsoluteTime(firing.firedAt)}
          {link && (
            <>
              {' '}
              — <Link to={link.href}>{link.label}</Link>
            </>
          )}
          <br />
          <span className="muted">Why: {figuresText(firing.figures)}</span>
        </p>
      ) : (
        <p className="muted small">Has not fired yet.</p>
      )}
      <FormAlert>{problem}</FormAlert>
    </article>
  );
}

/** Create a rule, or (with `rule`) change its name, parameters and cooldown; kind and target stay. */
function RuleForm({ rule, onSaved, onCancel }: { rule?: Rule; onSaved: () => void; onCancel?: () => void }) {
  const [values, setValues] = useState<RuleFormValues>(() => (rule ? formFromRule(rule) : NEW_RULE));
  const [errors, setErrors] = useState<RuleFormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [creating, create] = useMutation(CreateAlertRuleMutation);
  const [updating, update] = useMutation(UpdateAlertRuleMutation);
  const set = (patch: Partial<RuleFormValues>) => setValues((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const { errors: found, params, cooldownMinutes } = ruleFromForm(values);
    setErrors(found);
    if (!rule && !target) return setProblem('Choose what the rule watches.');
    if (Object.keys(found).length > 0) return setProblem('Check the highlighted fields.');
    setProblem(null);
    const outcome = rule
      ? await update({
          input: { id: rule.id, name: values.name.trim(), params, cooldownMinutes },
        })
      : await create({
          input: {
            name: values.name.trim(),
            kind: values.kind,
            params,
            cooldownMinutes,
            target: target ? { [`${target.kind}Id`]: target.id } : {},
          },
        });
    if (outcome.error) return setProblem(describeError(outcome.error).message);
    if (!rule) {
      setValues(NEW_RULE);
      setSaved(`Rule “${values.name.trim()}” created.`);
    }
    onSaved();
  };

  const { fieldError, invalid } = useFieldErrors(errors);
  const numberField = (key: keyof RuleFormValues, label: string, step = 'any') => (
    <div className="field-wrap">
      <Field label={label}>
        <input
          type="number"
          step={step}
          value={String(values[key])}
          {...invalid(key)}
          onChange={(event) => set({ [key]: event.target.value })}
        />
      </Field>
      {fieldError(key)}
    </div>
  );
  const choice = <K extends 'window' | 'direction' | 'mode'>(
    key: K,
    label: string,
    options: [RuleFormValues[K], string][],
  ) => (
    <Field label={label}>
      <select value={values[key]} onChange={(event) => set({ [key]: event.target.value })}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
  const windowChoice = choice('window', 'Window', [
    ['HOUR', 'Hour'],
    ['DAY', 'Day'],
    ['WEEK', 'Week'],
  ]);

  let kindFields: ReactNode;
  switch (values.kind) {
    case 'ARTICLE':
      kindFields = (
        <>
          {numberField('minImportance', 'Minimum importance (1–10, optional)', '1')}
          <SentimentChecks
            legend="Sentiments (none: any)"
            value={values.sentiments}
            onChange={(sentiments) => set({ sentiments })}
          />
        </>
      );
      break;
    case 'SENTIMENT_SHIFT':
      kindFields = (
        <>
          {windowChoice}
          {choice('direction', 'Direction', [
            ['EITHER', 'Either way'],
            ['UP', 'Up'],
            ['DOWN', 'Down'],
          ])}
          {numberField('minDelta', 'Change Δ (0–2, optional)')}
          {numberField('threshold', 'Threshold (−1 to 1, optional)')}
          {numberField('minArticles', 'Minimum articles', '1')}
        </>
      );
      break;
    case 'ATTENTION':
      kindFields = (
        <>
          {windowChoice}
          {choice('mode', 'Mode', [
            ['RATIO', 'k × baseline mean'],
            ['ZSCORE', 'z-score ≥ k'],
          ])}
          {numberField('k', 'k')}
          {numberField('baselineWindows', 'Baseline windows (2–90)', '1')}
          {numberField('minArticles', 'Minimum articles', '1')}
        </>
      );
      break;
    case 'SENTIMENT_ANOMALY':
      kindFields = (
        <>
          {numberField('k', 'k (standard deviations)')}
          {numberField('baselineDays', 'Baseline days (3–365)', '1')}
          {numberField('minArticles', 'Minimum articles', '1')}
        </>
      );
      break;
  }

  return (
    <form
      className={rule ? 'form rule-form' : 'form rule-form panel'}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={rule ? `Edit ${rule.name}` : 'Create an alert rule'}
    >
      {!rule && <h2>New alert rule</h2>}
      <div className="form-row">
        <div className="field-wrap">
          <Field label="Rule name">
            <input
              value={values.name}
              maxLength={80}
              {...invalid('name')}
              onChange={(event) => set({ name: event.target.value })}
            />
          </Field>
          {fieldError('name')}
        </div>
        <SelectField
          label="Kind"
          value={values.kind}
          options={RULE_KINDS}
          disabled={Boolean(rule)}
          onChange={(kind) => set({ kind })}
        />
        {numberField('cooldownMinutes', 'Cooldown (minutes)', '1')}
      </div>
      <p className="muted small">{RULE_KINDS.find((kind) => kind.value === values.kind)?.hint}</p>
      {!rule && <TargetPicker onChange={setTarget} />}
      <div className="form-row">{kindFields}</div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={creating.fetching || updating.fetching}>
          {rule ? 'Save rule' : 'Create rule'}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <FormAlert>{problem}</FormAlert>
      {saved && (
        <p className="status-message" role="status">
          {saved}
        </p>
      )}
    </form>
  );
}

type TargetKind = 'watchlist' | 'company' | 'topic' | 'savedFilter';

interface Target {
  kind: TargetKind;
  id: string;
}

/** What a new rule watches: one of your watchlists, a company, a topic or a saved filter of a watchlist. */
function TargetPicker({ onChange }: { onChange: (target: Target | null) => void }) {
  const [kind, setKind] = useState<TargetKind>('watchlist');
  const [listId, setListId] = useState('');
  const [chosenId, setChosenId] = useState('');
  const [company, setCompany] = useState<PickedCompany | null>(null);
  const [names] = useQuery({ query: WatchlistNamesQuery });
  const [topics] = useQuery({ query: TopicsQuery, pause: kind !== 'topic' });
  const [list] = useQuery({
    query: WatchlistQuery,
    variables: { id: listId },
    pause: kind !== 'savedFilter' || !listId,
  });
  const choose = (id: string) => {
    setChosenId(id);
    onChange(id ? { kind, id } : null);
  };
  const lists = (names.data?.watchlists ?? []).map((item): [string, string] => [item.id, item.name]);
  const select = (label: string, value: string, options: [string, string][], pick: (id: string) => void) => (
    <Field label={label}>
      <select value={value} onChange={(event) => pick(event.target.value)}>
        <option value="">Choose…</option>
        {options.map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <div className="form-row">
      <Field label="Watches">
        <select
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as TargetKind);
            setChosenId('');
            setListId('');
            setCompany(null);
            onChange(null);
          }}
        >
          <option value="watchlist">A watchlist</option>
          <option value="company">A company</option>
          <option value="topic">A topic</option>
          <option value="savedFilter">A saved filter</option>
        </select>
      </Field>
      {kind === 'watchlist' && select('Target watchlist', chosenId, lists, choose)}
      {kind === 'topic' &&
        select(
          'Target topic',
          chosenId,
          (topics.data?.topics ?? []).map((topic) => [topic.id, topic.name]),
          choose,
        )}
      {kind === 'savedFilter' && (
        <>
          {select('Watchlist of the filter', listId, lists, (id) => {
            setListId(id);
            choose('');
          })}
          {select(
            'Target saved filter',
            chosenId,
            (watchlistOf(list.data)?.savedFilters ?? []).map((saved) => [saved.id, saved.name]),
            choose,
          )}
        </>
      )}
      {kind === 'company' && (
        <div>
          <CompanyPicker
            label="Target company"
            onPick={(picked) => {
              setCompany(picked);
              onChange({ kind, id: picked.id });
            }}
          />
          {company && <p className="small">Watching {company.name}.</p>}
        </div>
      )}
    </div>
  );
}
