import { describe, expect, it } from 'vitest';

import { createBuiltinAnalyzer } from '../analysis/create-builtin-analyzer.js';
import { TEST_REGISTRY } from '../analysis/testing/test-registry.js';
import { createLearnedAnalyzer } from './create-learned-analyzer.js';
import { loadLearnedModel, trainLearnedModel, type LearningExample } from './learned-model.js';

const builtin = createBuiltinAnalyzer({ registry: TEST_REGISTRY });
const analyze = (input: LearningExample['input']) => builtin.analyzeSync(input);

const PLACES = ['Ohio', 'Texas', 'Bavaria', 'Lyon', 'Osaka', 'Quebec', 'Perth', 'Leeds', 'Turin', 'Porto'];
const ITEMS = ['widget', 'sensor', 'valve', 'pump'];
/** Invented words the rules cannot know: editors teach what they mean in this deployment. */
const sentimentExamples: LearningExample[] = PLACES.flatMap((place, i) =>
  ITEMS.flatMap((item) => [
    {
      input: { title: `Northwind Systems ${item} orders zorble in ${place}`, text: '' },
      sentimentScore: 0.5,
    },
    { input: { title: `Contoso ${item} orders flonk in ${place}`, text: '' }, sentimentScore: -0.5 },
    { input: { title: `Fabrikam ${item} plant ${i} opens in ${place}`, text: '' }, sentimentScore: 0 },
  ]),
);

// Training cross-validates every field over ten folds: seconds on a loaded machine.
describe('trainLearnedModel', { timeout: 60_000 }, () => {
  it('learns sentiment from editors where the rules have no cue, and reports it by cross-validation', () => {
    const trained = trainLearnedModel({ examples: sentimentExamples, analyze });
    const cv = trained.crossValidation.sentiment;
    expect(cv?.n).toBe(sentimentExamples.length);
    expect(cv?.builtin).toBeCloseTo(1 / 3, 1);
    expect(cv?.learned).toBeGreaterThan(0.9);
    expect(cv?.used).toBe(true);
    expect(trained.improves).toBe(true);

    const learned = createLearnedAnalyzer({ builtin, model: loadLearnedModel('learned-1', trained.data) });
    const up = learned.analyzeSync({ title: 'Northwind Systems sensor orders zorble in Oslo', text: '' });
    const down = learned.analyzeSync({ title: 'Contoso pump orders flonk in Oslo', text: '' });
    expect(up.sentiment.score).toBeGreaterThanOrEqual(0.15);
    expect(up.sentiment.label).toMatch(/Bullish/);
    expect(down.sentiment.score).toBeLessThanOrEqual(-0.15);
    expect(up.analyzer).toEqual({
      ...builtin.analyzeSync({ title: 'x', text: '' }).analyzer,
      model: 'learned-1',
    });
  });

  it("keeps the rules' class where the model settles on it, and moves a changed class's score into it", () => {
    const trained = trainLearnedModel({ examples: sentimentExamples, analyze });
    const learned = createLearnedAnalyzer({ builtin, model: loadLearnedModel('learned-1', trained.data) });
    const input = { title: 'Northwind Systems sensor orders zorble in Oslo as profit soars', text: '' };
    expect(builtin.analyzeSync(input).sentiment.score).toBeGreaterThanOrEqual(0.15);
    expect(learned.analyzeSync(input).sentiment.score).toBeGreaterThanOrEqual(0.15);
    // Where the model overrides the rules' class, the score moves into the model's class.
    const flonk = { title: 'Contoso valve orders flonk in Oslo as profit soars', text: '' };
    expect(builtin.analyzeSync(flonk).sentiment.score).toBeGreaterThanOrEqual(0.15);
    expect(learned.analyzeSync(flonk).sentiment.score).toBeLessThan(0.15);
  });

  it("learns the editors' scale where they agree with the rules' class but not their strength", () => {
    // Editors here score strong-sounding profit headlines as mildly bullish (0.3) where the rules
    // say 0.58: agreement on the class is the same, the score regression brings scores closer.
    const examples: LearningExample[] = PLACES.flatMap((place) => [
      ...['jumps', 'soars', 'surges'].map((verb) => ({
        input: { title: `Northwind Systems profit ${verb} in ${place}`, text: '' },
        sentimentScore: 0.3,
      })),
      { input: { title: `Fabrikam widget plant opens in ${place}`, text: '' }, sentimentScore: 0 },
    ]);
    const trained = trainLearnedModel({ examples, analyze });
    const cv = trained.crossValidation.sentiment;
    expect(cv?.learned).toBe(cv?.builtin);
    expect(cv?.scoreError?.learned).toBeLessThan(cv?.scoreError?.builtin ?? 0);
    expect(cv?.used).toBe(true);
    const learned = createLearnedAnalyzer({ builtin, model: loadLearnedModel('learned-1', trained.data) });
    const input = { title: 'Northwind Systems profit jumps in Oslo', text: '' };
    const rules = builtin.analyzeSync(input).sentiment.score;
    const score = learned.analyzeSync(input).sentiment.score;
    expect(Math.abs(score - 0.3)).toBeLessThan(Math.abs(rules - 0.3) / 2);
    expect(score).toBeGreaterThanOrEqual(0.15);
  });

  it('is deterministic', () => {
    const a = trainLearnedModel({ examples: sentimentExamples, analyze });
    const b = trainLearnedModel({ examples: sentimentExamples, analyze });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('keeps no field model when it does not beat the rules, or has too few examples', () => {
    const agreeing: LearningExample[] = PLACES.flatMap((place) =>
      ['jumps', 'plunges', 'opens'].map((verb) => {
        const input = {
          title: `Fabrikam widget ${verb === 'opens' ? 'plant' : 'profit'} ${verb} in ${place}`,
          text: '',
        };
        return { input, sentimentScore: builtin.analyzeSync(input).sentiment.score };
      }),
    );
    const trained = trainLearnedModel({ examples: agreeing, analyze });
    expect(trained.crossValidation.sentiment?.builtin).toBe(1);
    expect(trained.crossValidation.sentiment?.used).toBe(false);
    expect(trained.data.sentiment).toBeNull();
    expect(trained.improves).toBe(false);

    const few = trainLearnedModel({ examples: sentimentExamples.slice(0, 10), analyze });
    expect(few.crossValidation).toEqual({});
  });

  it('suppresses a company match in the context editors removed it from', () => {
    const examples: LearningExample[] = PLACES.flatMap((place) => [
      {
        input: { title: `The Contoso festival draws crowds in ${place}`, text: '' },
        companies: [],
        removedCompanyIds: ['contoso'],
      },
      {
        input: { title: `Contoso opens a new office in ${place}`, text: '' },
        companies: [{ companyId: 'contoso', sentimentScore: 0 }],
      },
      {
        input: { title: `Contoso hires engineers in ${place}`, text: '' },
        companies: [{ companyId: 'contoso', sentimentScore: 0 }],
      },
    ]);
    const trained = trainLearnedModel({ examples, analyze });
    expect(trained.crossValidation.companies?.builtin).toBeCloseTo(2 / 3, 2);
    expect(trained.crossValidation.companies?.used).toBe(true);
    const learned = createLearnedAnalyzer({ builtin, model: loadLearnedModel('learned-2', trained.data) });
    const ids = (title: string) => learned.analyzeSync({ title, text: '' }).companies.map((c) => c.companyId);
    expect(ids('The Contoso festival draws crowds in Nice')).toEqual([]);
    expect(ids('Contoso opens a new office in Nice')).toEqual(['contoso']);
  });

  it("learns a company's tone from the articles' corrected tone when its own corrections are few", () => {
    // Editors set the tone toward Northwind only a few times with the invented words, and
    // corrected many articles' tone with them: the articles teach the company head what they mean.
    const companyExamples: LearningExample[] = PLACES.flatMap((place, i) => [
      {
        input: { title: `Northwind Systems opens an office in ${place}`, text: '' },
        companies: [{ companyId: 'northwind', sentimentScore: 0 }],
      },
      i < 2
        ? {
            input: { title: `Northwind Systems valve orders zorble in ${place}`, text: '' },
            companies: [{ companyId: 'northwind', sentimentScore: 0.5 }],
          }
        : i < 4
          ? {
              input: { title: `Northwind Systems valve orders flonk in ${place}`, text: '' },
              companies: [{ companyId: 'northwind', sentimentScore: -0.5 }],
            }
          : {
              input: { title: `Northwind Systems hires engineers in ${place}`, text: '' },
              companies: [{ companyId: 'northwind', sentimentScore: 0 }],
            },
    ]);
    const input = { title: 'Northwind Systems pump orders zorble in Oslo', text: '' };
    const northwind = (result: ReturnType<typeof analyze>) =>
      result.companies.find((c) => c.companyId === 'northwind')?.sentimentScore;
    expect(northwind(builtin.analyzeSync(input))).toBe(0);

    const trained = trainLearnedModel({ examples: [...sentimentExamples, ...companyExamples], analyze });
    const cv = trained.crossValidation.companySentiment;
    expect(cv?.n).toBe(companyExamples.length);
    expect(cv?.builtin).toBeCloseTo(16 / 20, 2);
    expect(cv?.learned).toBe(1);
    expect(cv?.pooled).toBe(true);
    const learned = createLearnedAnalyzer({ builtin, model: loadLearnedModel('learned-4', trained.data) });
    expect(northwind(learned.analyzeSync(input))).toBeGreaterThanOrEqual(0.15);

    // Company corrections alone, as many as before, do not teach it.
    const alone = trainLearnedModel({ examples: companyExamples, analyze }).crossValidation.companySentiment;
    expect(alone?.learned).toBeLessThan(1);
    expect(alone?.pooled).toBeUndefined();
  });

  it('learns per-company sentiment and topics', () => {
    const examples: LearningExample[] = PLACES.flatMap((place) => [
      {
        input: { title: `Northwind Systems ships zorptane kits to ${place}`, text: '' },
        companies: [{ companyId: 'northwind', sentimentScore: 0.6 }],
        topics: ['commodities'],
      },
      {
        input: { title: `Northwind Systems ships cloud software to ${place}`, text: '' },
        companies: [{ companyId: 'northwind', sentimentScore: 0 }],
        topics: ['technology'],
      },
    ]);
    const trained = trainLearnedModel({ examples, analyze });
    expect(trained.crossValidation.topics?.used).toBe(true);
    expect(trained.crossValidation.companySentiment?.used).toBe(true);
    const learned = createLearnedAnalyzer({ builtin, model: loadLearnedModel('learned-3', trained.data) });
    const result = learned.analyzeSync({ title: 'Northwind Systems ships zorptane kits to Nice', text: '' });
    expect(result.topics.map((t) => t.slug)).toEqual(['commodities']);
    expect(result.companies[0]?.sentimentScore).toBeGreaterThanOrEqual(0.15);
  });
});

describe('createLearnedAnalyzer', () => {
  it('is the built-in analyzer itself when there is no model (a fresh install)', async () => {
    const input = {
      title: 'Northwind Systems beats estimates as cloud revenue jumps',
      text: 'Shares rose 8%.',
    };
    const analyzer = createLearnedAnalyzer({ builtin, model: null });
    expect(analyzer).toBe(builtin);
    expect(await analyzer.analyze(input)).toEqual(builtin.analyzeSync(input));
  });
});
