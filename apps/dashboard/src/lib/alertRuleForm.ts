import type { SentimentLabel } from '@wirelens/ui';

export type AlertRuleKind = 'ARTICLE' | 'SENTIMENT_SHIFT' | 'ATTENTION' | 'SENTIMENT_ANOMALY';
export type AlertWindow = 'HOUR' | 'DAY' | 'WEEK';

export const RULE_KINDS: { value: AlertRuleKind; label: string; hint: string }[] = [
  {
    value: 'ARTICLE',
    label: 'Article',
    hint: 'A new or re-analysed article about the target matches.',
  },
  {
    value: 'SENTIMENT_SHIFT',
    label: 'Sentiment shift',
    hint: 'Mean sentiment over the window moves by Δ against the window before, or crosses a threshold.',
  },
  {
    value: 'ATTENTION',
    label: 'Abnormal attention',
    hint: 'Article count in the window is k× its trailing baseline (or its z-score reaches k).',
  },
  {
    value: 'SENTIMENT_ANOMALY',
    label: 'Sentiment anomaly',
    hint: "The last day's mean is k standard deviations from the trailing daily means.",
  },
];

export const kindLabel = (kind: string) => RULE_KINDS.find((item) => item.value === kind)?.label ?? kind;

/** The rule form's state: numbers as typed, so half-typed values ("0.") survive while editing. */
export interface RuleFormValues {
  name: string;
  kind: AlertRuleKind;
  cooldownMinutes: string;
  minImportance: string;
  sentiments: SentimentLabel[];
  window: AlertWindow;
  direction: 'UP' | 'DOWN' | 'EITHER';
  minDelta: string;
  threshold: string;
  mode: 'RATIO' | 'ZSCORE';
  k: string;
  baselineWindows: string;
  baselineDays: string;
  minArticles: string;
}

export const NEW_RULE: RuleFormValues = {
  name: '',
  kind: 'ARTICLE',
  cooldownMinutes: '60',
  minImportance: '',
  sentiments: [],
  window: 'DAY',
  direction: 'EITHER',
  minDelta: '0.3',
  threshold: '',
  mode: 'RATIO',
  k: '3',
  baselineWindows: '7',
  baselineDays: '30',
  minArticles: '3',
};

export type RuleFormErrors = Partial<Record<keyof RuleFormValues, string>>;

const MAX_COOLDOWN_MINUTES = 7 * 24 * 60;

interface NumberRule {
  min: number;
  max: number;
  /** Strictly above `min` (e.g. k > 0). */
  aboveMin?: boolean;
  integer?: boolean;
}

/**
 * Checks the form with the API's limits (packages/core's rule parameters) and builds the rule's `params`
 * for its kind; the API checks again and its message is shown when it disagrees.
 */
export function ruleFromForm(values: RuleFormValues): {
  errors: RuleFormErrors;
  params: Record<string, unknown>;
  cooldownMinutes: number | null;
} {
  const errors: RuleFormErrors = {};
  const read = (field: keyof RuleFormValues, rule: NumberRule, optional = false): number | null => {
    const text = String(values[field]).trim();
    if (text === '') {
      if (!optional) errors[field] = 'Enter a number.';
      return null;
    }
    const value = Number(text);
    const low = rule.aboveMin ? value <= rule.min : value < rule.min;
    if (!Number.isFinite(value) || low || value > rule.max || (rule.integer && !Number.isInteger(value))) {
      const kind = rule.integer ? 'a whole number' : 'a number';
      const from = rule.aboveMin ? `above ${rule.min}` : `from ${rule.min}`;
      errors[field] = `Enter ${kind} ${from} to ${rule.max}.`;
      return null;
    }
    return value;
  };
  const name = values.name.trim();
  if (!name) errors.name = 'Give the rule a name.';
  else if (name.length > 80) errors.name = 'Keep the name to 80 characters.';
  const cooldownMinutes = read('cooldownMinutes', { min: 0, max: MAX_COOLDOWN_MINUTES, integer: true });
  const minArticles = () => read('minArticles', { min: 1, max: 10_000, integer: true });
  let params: Record<string, unknown>;
  switch (values.kind) {
    case 'ARTICLE':
      params = {
        minImportance: read('minImportance', { min: 1, max: 10, integer: true }, true),
        sentiments: values.sentiments.length > 0 ? values.sentiments : null,
      };
      break;
    case 'SENTIMENT_SHIFT': {
      const minDelta = read('minDelta', { min: 0, max: 2, aboveMin: true }, true);
      const threshold = read('threshold', { min: -1, max: 1 }, true);
      if (!errors.minDelta && !errors.threshold && minDelta === null && threshold === null)
        errors.minDelta = 'Give a change (Δ), a threshold or both.';
      params = {
        window: values.window,
        direction: values.direction,
        minDelta,
        threshold,
        minArticles: minArticles(),
      };
      break;
    }
    case 'ATTENTION':
      params = {
        window: values.window,
        mode: values.mode,
        k: read('k', { min: 0, max: 1000, aboveMin: true }),
        baselineWindows: read('baselineWindows', { min: 2, max: 90, integer: true }),
        minArticles: minArticles(),
      };
      break;
    case 'SENTIMENT_ANOMALY':
      params = {
        k: read('k', { min: 0, max: 100, aboveMin: true }),
        baselineDays: read('baselineDays', { min: 3, max: 365, integer: true }),
        minArticles: minArticles(),
      };
      break;
  }
  return { errors, params, cooldownMinutes };
}

const text = (value: unknown, fallback: string) =>
  typeof value === 'number' ? String(value) : value === null ? '' : fallback;
function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** The form for an existing rule: its stored parameters (defaults filled in by the API) as text. */
export function formFromRule(rule: {
  name: string;
  kind: string;
  params: unknown;
  cooldownMinutes: number;
}): RuleFormValues {
  const params = (rule.params && typeof rule.params === 'object' ? rule.params : {}) as Record<
    string,
    unknown
  >;
  return {
    name: rule.name,
    kind: pick(
      rule.kind,
      RULE_KINDS.map((item) => item.value),
      'ARTICLE',
    ),
    cooldownMinutes: String(rule.cooldownMinutes),
    minImportance: text(params.minImportance, ''),
    sentiments: Array.isArray(params.sentiments) ? (params.sentiments as SentimentLabel[]) : [],
    window: pick(params.window, ['HOUR', 'DAY', 'WEEK'], NEW_RULE.window),
    direction: pick(params.direction, ['UP', 'DOWN', 'EITHER'], NEW_RULE.direction),
    minDelta: text(params.minDelta, NEW_RULE.minDelta),
    threshold: text(params.threshold, ''),
    mode: pick(params.mode, ['RATIO', 'ZSCORE'], NEW_RULE.mode),
    k: text(params.k, NEW_RULE.k),
    baselineWindows: text(params.baselineWindows, NEW_RULE.baselineWindows),
    baselineDays: text(params.baselineDays, NEW_RULE.baselineDays),
    minArticles: text(params.minArticles, NEW_RULE.minArticles),
  };
}

/** "Bearish, importance ≥ 7" / "Δ ≥ 0.3 per day, either way, ≥ 3 articles": a rule's parameters in brief. */
export function describeParams(kind: string, params: unknown): string {
  const p = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
  const per = typeof p.window === 'string' ? p.window.toLowerCase() : '';
  const parts: string[] = [];
  const add = (condition: unknown, part: string) => {
    if (condition !== null && condition !== undefined && condition !== false) parts.push(part);
  };
  switch (kind) {
    case 'ARTICLE':
      add(Array.isArray(p.sentiments) && p.sentiments.length > 0, `sentiment ${String(p.sentiments)}`);
      add(p.minImportance, `importance ≥ ${String(p.minImportance)}`);
      if (parts.length === 0) parts.push('any article');
      break;
    case 'SENTIMENT_SHIFT':
      add(p.minDelta, `Δ ≥ ${String(p.minDelta)}`);
      add(p.threshold, `crosses ${String(p.threshold)}`);
      parts.push(`per ${per}`, `direction ${String(p.direction).toLowerCase()}`);
      break;
    case 'ATTENTION':
      parts.push(
        p.mode === 'ZSCORE' ? `z-score ≥ ${String(p.k)}` : `${String(p.k)}× baseline`,
        `per ${per}`,
        `baseline ${String(p.baselineWindows)} windows`,
      );
      break;
    case 'SENTIMENT_ANOMALY':
      parts.push(`${String(p.k)} standard deviations`, `baseline ${String(p.baselineDays)} days`);
      break;
  }
  add(p.minArticles, `≥ ${String(p.minArticles)} articles`);
  return parts.join(', ');
}

/** "currentMean -0.35 · previousMean 0.4 · …": the numbers that crossed, as the firing recorded them. */
export function figuresText(figures: unknown): string {
  if (!figures || typeof figures !== 'object') return '';
  return Object.entries(figures as Record<string, unknown>)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${name} ${String(value)}`)
    .join(' · ');
}
