import { describe, expect, it } from 'vitest';

import { describeParams, formFromRule, NEW_RULE, ruleFromForm } from './alertRuleForm.js';

describe('ruleFromForm', () => {
  it('builds each kind’s parameters from the typed text', () => {
    expect(
      ruleFromForm({ ...NEW_RULE, name: 'Bearish chips', minImportance: '7', sentiments: ['BEARISH'] }),
    ).toEqual({
      errors: {},
      params: { minImportance: 7, sentiments: ['BEARISH'] },
      cooldownMinutes: 60,
    });
    expect(
      ruleFromForm({ ...NEW_RULE, name: 'Turn', kind: 'SENTIMENT_SHIFT', minDelta: '0.4', direction: 'DOWN' })
        .params,
    ).toEqual({ window: 'DAY', direction: 'DOWN', minDelta: 0.4, threshold: null, minArticles: 3 });
    expect(
      ruleFromForm({ ...NEW_RULE, name: 'Buzz', kind: 'ATTENTION', mode: 'ZSCORE', window: 'HOUR', k: '2.5' })
        .params,
    ).toEqual({ window: 'HOUR', mode: 'ZSCORE', k: 2.5, baselineWindows: 7, minArticles: 3 });
    expect(ruleFromForm({ ...NEW_RULE, name: 'Odd', kind: 'SENTIMENT_ANOMALY', k: '3' }).params).toEqual({
      k: 3,
      baselineDays: 30,
      minArticles: 3,
    });
  });

  it('names every field outside the API’s limits', () => {
    const { errors } = ruleFromForm({
      ...NEW_RULE,
      name: ' ',
      kind: 'ATTENTION',
      k: '0',
      baselineWindows: '1.5',
      minArticles: '',
      cooldownMinutes: '99999',
    });
    expect(errors).toEqual({
      name: 'Give the rule a name.',
      k: 'Enter a number above 0 to 1000.',
      baselineWindows: 'Enter a whole number from 2 to 90.',
      minArticles: 'Enter a number.',
      cooldownMinutes: 'Enter a whole number from 0 to 10080.',
    });
  });

  it('wants a change, a threshold or both for a shift', () => {
    const { errors } = ruleFromForm({
      ...NEW_RULE,
      name: 'Turn',
      kind: 'SENTIMENT_SHIFT',
      minDelta: '',
      threshold: '',
    });
    expect(errors).toEqual({ minDelta: 'Give a change (Δ), a threshold or both.' });
  });
});

describe('formFromRule and describeParams', () => {
  it('round-trips a stored rule and says what it watches for', () => {
    const rule = {
      name: 'Turn',
      kind: 'SENTIMENT_SHIFT',
      cooldownMinutes: 120,
      params: { window: 'WEEK', direction: 'UP', minDelta: null, threshold: 0.2, minArticles: 5 },
    };
    const form = formFromRule(rule);
    expect(form).toMatchObject({ window: 'WEEK', direction: 'UP', minDelta: '', threshold: '0.2' });
    expect(ruleFromForm(form).params).toEqual(rule.params);
    expect(describeParams(rule.kind, rule.params)).toBe('crosses 0.2, per week, direction up, ≥ 5 articles');
    expect(describeParams('ARTICLE', { minImportance: 7, sentiments: ['BEARISH'] })).toBe(
      'sentiment BEARISH, importance ≥ 7',
    );
  });
});
