import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useMutation } from 'urql';

import { COMPARE_STYLES, EmptyState, formatAbsoluteTime } from '@wirelens/ui';

import { useAuth } from '../../auth/AuthContext.js';
import { hasRole } from '../../auth/roles.js';
import { DataTable, FormAlert } from '../../components/DataTable.js';
import { Page } from '../../components/Page.js';
import { QueryState } from '../../components/QueryState.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { useRefetchableQuery } from '../../hooks/useRefetchableQuery.js';
import { describeError } from '../../lib/errors.js';

export const AnalyzerQualityQuery = graphql(`
  query AnalyzerQuality {
    analyzerQuality {
      newCorrections
      agreement {
        day
        field
        approvals
        corrections
        agreement
      }
      activeModel {
        version
      }
      models {
        version
        createdAt
        exampleCount
        improves
        active
        activatedAt
        crossValidation {
          field
          examples
          builtin
          learned
          used
          scoreError {
            builtin
            learned
          }
          pooled
        }
      }
    }
  }
`);

const TrainAnalyzer = graphql(`
  mutation TrainAnalyzer {
    trainAnalyzer
  }
`);

const ActivateModel = graphql(`
  mutation ActivateAnalyzerModel($version: Int) {
    activateAnalyzerModel(version: $version) {
      activeModel {
        version
      }
    }
  }
`);

type Quality = ResultOf<typeof AnalyzerQualityQuery>['analyzerQuality'];
type Model = Quality['models'][number];
type Figures = Model['crossValidation'][number];

const FIELD_LABELS: Record<string, string> = {
  sentiment: 'Sentiment',
  importance: 'Importance',
  companies: 'Companies',
  topics: 'Topics',
  text: 'Summary and text',
  companySentiment: 'Company sentiment',
};
const FIELDS = ['sentiment', 'importance', 'companies', 'topics', 'text'] as const;

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** "0.21 → 0.19": the root-mean-square distance from the editors' scores, alone and with the model. */
function scoreErrorText(error: Figures['scoreError']): string {
  return error ? `${error.builtin.toFixed(2)} → ${error.learned.toFixed(2)}` : '—';
}

/** Editors' agreement with the AI over time per field, the learned models and their cross-validated figures. */
export function AnalyzerQualityPage() {
  const [result, retry] = useRefetchableQuery({ query: AnalyzerQualityQuery });
  return (
    <Page
      title="Analyzer quality"
      intro={
        <>
          Every approval and correction is a vote on the AI. A learned layer trained from them is used only
          when it beats the built-in analyzer on cross-validation.
        </>
      }
    >
      <QueryState result={result} retry={retry} loadingLabel="Loading analyzer quality">
        {(data) => <QualityView quality={data.analyzerQuality} onChanged={retry} />}
      </QueryState>
    </Page>
  );
}

function QualityView({ quality, onChanged }: { quality: Quality; onChanged: () => void }) {
  const { user } = useAuth();
  const admin = hasRole(user?.role, 'ADMIN');
  const active = quality.models.find((model) => model.version === quality.activeModel?.version) ?? null;
  return (
    <>
      <AgreementChart points={quality.agreement} />
      <section aria-labelledby="model-heading">
        <div className="section-head">
          <h2 id="model-heading">Current model</h2>
          {admin && <TrainButton onTrained={onChanged} />}
        </div>
        <p>
          {active
            ? `Model ${active.version}, trained ${formatAbsoluteTime(active.createdAt)} from ${active.exampleCount} reviewed articles.`
            : 'The built-in analyzer alone (no learned model is active).'}{' '}
          {quality.newCorrections} editor decision(s) since the newest model.
        </p>
        {active && <FiguresTable figures={active.crossValidation} />}
      </section>
      <ModelVersions models={quality.models} admin={admin} onChanged={onChanged} />
    </>
  );
}

function AgreementChart({ points }: { points: Quality['agreement'] }) {
  if (points.length === 0)
    return (
      <EmptyState title="No editor decisions yet">
        <p>Approve or correct analyses in the review queue; agreement appears here per day and field.</p>
      </EmptyState>
    );
  const days = [...new Set(points.map((p) => p.day))].sort();
  const rows = days.map((day) => {
    const row: Record<string, string | number | null> = { day };
    for (const field of FIELDS)
      row[field] = points.find((p) => p.day === day && p.field === field)?.agreement ?? null;
    return row;
  });
  return (
    <section aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">Agreement with editors over time</h2>
      <figure
        className="wl-chart"
        aria-label="Share of editor decisions that kept the AI value, per day and field"
      >
        <ResponsiveContainer width="100%" height={280} minWidth={0}>
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis domain={[0, 1]} tickFormatter={percent} />
            <Tooltip formatter={(value) => (typeof value === 'number' ? percent(value) : String(value))} />
            <Legend />
            {FIELDS.map((field, i) => (
              <Line
                key={field}
                dataKey={field}
                name={FIELD_LABELS[field]}
                stroke={COMPARE_STYLES[i]?.color}
                strokeDasharray={COMPARE_STYLES[i]?.dash}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <DataTable
        caption="Approvals and corrections per day and field"
        columns={['Day', 'Field', 'Approvals', 'Corrections', 'Agreement']}
        compact
      >
        {points.map((p) => (
          <tr key={`${p.day}-${p.field}`}>
            <th scope="row">{p.day}</th>
            <td>{FIELD_LABELS[p.field] ?? p.field}</td>
            <td>{p.approvals}</td>
            <td>{p.corrections}</td>
            <td>{percent(p.agreement)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function FiguresTable({
  figures,
  caption = 'Cross-validated agreement with editors',
}: {
  figures: readonly Figures[];
  caption?: string;
}) {
  return (
    <DataTable
      caption={caption}
      columns={['Field', 'Examples', 'Built-in alone', 'With the model', 'Score error', 'Used']}
      compact
    >
      {figures.map((f) => (
        <tr key={f.field}>
          <th scope="row">{FIELD_LABELS[f.field] ?? f.field}</th>
          <td>{f.examples}</td>
          <td>{percent(f.builtin)}</td>
          <td>{percent(f.learned)}</td>
          <td>{scoreErrorText(f.scoreError)}</td>
          <td>
            {f.used ? 'yes' : 'no'}
            {f.pooled && <span className="muted"> (also learned from articles’ tone)</span>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function TrainButton({ onTrained }: { onTrained: () => void }) {
  const [state, train] = useMutation(TrainAnalyzer);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const click = async () => {
    const outcome = await train({});
    if (outcome.error) {
      setProblem(describeError(outcome.error).message);
      return;
    }
    setProblem(null);
    setMessage(
      outcome.data?.trainAnalyzer
        ? 'Training queued: the worker trains a model and activates it if it beats the built-in analyzer.'
        : 'A training is already queued.',
    );
    onTrained();
  };
  return (
    <div>
      <button type="button" className="button" disabled={state.fetching} onClick={() => void click()}>
        Train now
      </button>
      {message && <p role="status">{message}</p>}
      <FormAlert>{problem}</FormAlert>
    </div>
  );
}

function ModelVersions({
  models,
  admin,
  onChanged,
}: {
  models: readonly Model[];
  admin: boolean;
  onChanged: () => void;
}) {
  const [state, activate] = useMutation(ActivateModel);
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (version: number | null) => {
    const outcome = await activate({ version });
    setProblem(outcome.error ? describeError(outcome.error).message : null);
    if (!outcome.error) onChanged();
  };
  const anyActive = models.some((m) => m.active);
  return (
    <section aria-labelledby="versions-heading">
      <div className="section-head">
        <h2 id="versions-heading">Model versions</h2>
        {admin && anyActive && (
          <button
            type="button"
            className="button button--secondary"
            disabled={state.fetching}
            onClick={() => void choose(null)}
          >
            Use the built-in analyzer alone
          </button>
        )}
      </div>
      {models.length === 0 ? (
        <p className="muted">
          No model trained yet: the built-in analyzer answers alone, as on a fresh install.
        </p>
      ) : (
        <DataTable
          caption="Every trained version, newest first"
          columns={['Version', 'Trained', 'Examples', 'Cross-validation', 'State']}
          alert={problem}
        >
          {models.map((model) => (
            <tr key={model.version}>
              <th scope="row">{model.version}</th>
              <td>{formatAbsoluteTime(model.createdAt)}</td>
              <td>{model.exampleCount}</td>
              <td>
                {model.crossValidation
                  .map(
                    (f) =>
                      `${FIELD_LABELS[f.field] ?? f.field} ${percent(f.builtin)} → ${percent(f.learned)}`,
                  )
                  .join('; ') || '—'}
              </td>
              <td>
                {model.active ? (
                  'active'
                ) : !model.improves ? (
                  'did not beat the built-in analyzer'
                ) : admin ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={state.fetching}
                    onClick={() => void choose(model.version)}
                    aria-label={`Activate model ${model.version}`}
                  >
                    Activate
                  </button>
                ) : (
                  'available'
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
