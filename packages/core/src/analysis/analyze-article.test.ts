import { describe, expect, it } from 'vitest';

import { mojibakeOf } from '../testing/mojibake.js';
import { analysisResultSchema, type AnalyzeInput } from './contract.js';
import { createBuiltinAnalyzer } from './create-builtin-analyzer.js';
import { EARNINGS, EXPORT_BAN, PRODUCT_REVIEW } from './testing/sample-articles.js';
import { TEST_REGISTRY } from './testing/test-registry.js';
import { splitSentences } from './text/split-sentences.js';

const analyzer = createBuiltinAnalyzer({ registry: TEST_REGISTRY });
const SAMPLES: AnalyzeInput[] = [EXPORT_BAN, PRODUCT_REVIEW, EARNINGS];

describe('analyzeArticle', () => {
  it('returns results that satisfy the shared contract', async () => {
    for (const sample of SAMPLES) {
      const result = await analyzer.analyze(sample);
      expect(analysisResultSchema.safeParse(result).success).toBe(true);
      expect(result.analyzer).toEqual({
        name: 'builtin',
        version: expect.any(String) as string,
        model: null,
      });
    }
  });

  it('is deterministic, also across analyzer instances', () => {
    const other = createBuiltinAnalyzer({ registry: TEST_REGISTRY });
    for (const sample of SAMPLES) {
      expect(JSON.stringify(analyzer.analyzeSync(sample))).toBe(JSON.stringify(analyzer.analyzeSync(sample)));
      expect(JSON.stringify(other.analyzeSync(sample))).toBe(JSON.stringify(analyzer.analyzeSync(sample)));
    }
  });

  it('reads the sample articles with the expected tone', () => {
    expect(analyzer.analyzeSync(EXPORT_BAN).sentiment.score).toBeLessThanOrEqual(-0.15);
    expect(analyzer.analyzeSync(EARNINGS).sentiment.score).toBeGreaterThanOrEqual(0.15);
    const export_ = analyzer.analyzeSync(EXPORT_BAN);
    expect(export_.companies[0]?.companyId).toBe('nvidia');
    expect(export_.companies[0]?.sentimentScore).toBeLessThan(-0.15);
  });

  it('weights the headline above the body', () => {
    const body = 'Revenue rose 2% in the quarter. The company opened two stores.';
    const negativeHeadline = analyzer.analyzeSync({
      title: 'Fabrikam slumps after profit warning',
      text: body,
    });
    const positiveHeadline = analyzer.analyzeSync({
      title: 'Fabrikam soars after record profit',
      text: 'Costs rose 2% in the quarter. The company opened two stores.',
    });
    expect(negativeHeadline.sentiment.score).toBeLessThan(0);
    expect(positiveHeadline.sentiment.score).toBeGreaterThan(0);
  });

  it('rejects an empty article', () => {
    expect(() => analyzer.analyzeSync({ title: ' ', text: '' })).toThrow(/title or text/);
  });

  it('detects the language by stopwords and honours a declared one', () => {
    expect(analyzer.analyzeSync(EARNINGS).language).toBe('en');
    const german = analyzer.analyzeSync({
      title: 'Umsatz gestiegen',
      text: 'Der Umsatz ist im dritten Quartal gestiegen, und die Firma will auch im nächsten Jahr mit den Kunden wachsen. Das ist nicht nur für die Aktionäre eine gute Nachricht.',
    });
    expect(german.language).toBe('de');
    expect(analyzer.analyzeSync({ ...EARNINGS, language: 'FR' }).language).toBe('fr');
  });
});

describe('topics', () => {
  it('labels an export-control story with trade and AI', () => {
    const slugs = analyzer.analyzeSync(EXPORT_BAN).topics.map((t) => t.slug);
    expect(slugs).toEqual(expect.arrayContaining(['geopolitics-trade', 'ai']));
  });

  it('labels an earnings story with earnings first', () => {
    const topics = analyzer.analyzeSync(EARNINGS).topics;
    expect(topics[0]?.slug).toBe('earnings');
    for (const topic of topics) expect(topic.relevance).toBeGreaterThan(0);
  });
});

describe('importance', () => {
  it('ranks an export-control ban on a major AI company above a routine product review', () => {
    const ban = analyzer.analyzeSync(EXPORT_BAN).importance;
    const review = analyzer.analyzeSync(PRODUCT_REVIEW).importance;
    expect(ban.factors.eventType).toBe('export-controls');
    expect(review.factors.eventType).toBe('review-opinion');
    expect(ban.score).toBeGreaterThanOrEqual(7);
    expect(review.score).toBeLessThanOrEqual(4);
    expect(ban.score).toBeGreaterThan(review.score);
  });

  it('rises with coverage and novelty', () => {
    const lone = analyzer.analyzeSync({
      ...EARNINGS,
      coverage: { distinctSources: 1, isFirstReport: false },
    }).importance;
    const wide = analyzer.analyzeSync({
      ...EARNINGS,
      coverage: { distinctSources: 20, isFirstReport: true },
    }).importance;
    expect(wide.score).toBeGreaterThan(lone.score);
    expect(wide.factors.coverage).toBe(1);
    expect(lone.factors.coverage).toBe(0);
  });
});

describe('summary and takeaways', () => {
  it('uses whole sentences of the article, without near-duplicates', () => {
    for (const sample of SAMPLES) {
      const result = analyzer.analyzeSync(sample);
      const sentences = splitSentences(sample.text).map((s) => s.text);
      const summarySentences = splitSentences(result.summary).map((s) => s.text);
      expect(summarySentences.length).toBeGreaterThanOrEqual(1);
      expect(summarySentences.length).toBeLessThanOrEqual(3);
      for (const s of summarySentences) expect(sentences).toContain(s);
      expect(new Set(summarySentences).size).toBe(summarySentences.length);

      expect(result.takeaways.length).toBeGreaterThanOrEqual(3);
      expect(result.takeaways.length).toBeLessThanOrEqual(6);
      expect(new Set(result.takeaways.map((t) => t.toLowerCase())).size).toBe(result.takeaways.length);
      for (const t of result.takeaways) expect(sentences).toContain(t);
      // Takeaways may repeat a summary sentence but are not just the summary again.
      expect(result.takeaways.some((t) => !summarySentences.includes(t))).toBe(true);
    }
  });

  it('still yields three takeaways from a two-sentence article, all taken from its text', () => {
    const input = {
      title: 'Litware names new chief executive',
      text: 'Litware appointed Sara Holm as chief executive, effective in May. She previously ran the group’s Nordic unit, which grew quickly.',
    };
    const result = analyzer.analyzeSync(input);
    expect(result.takeaways.length).toBeGreaterThanOrEqual(3);
    const source = `${input.title} ${input.text}`;
    for (const t of result.takeaways)
      expect(
        source.includes(t) ||
          t.startsWith('Companies mentioned:') ||
          t.startsWith('Topics:') ||
          t.startsWith('Overall tone:'),
      ).toBe(true);
    expect(analysisResultSchema.safeParse(result).success).toBe(true);
  });

  it('handles a headline-only item', () => {
    const result = analyzer.analyzeSync({ title: 'Fabrikam shares fall', text: '' });
    expect(analysisResultSchema.safeParse(result).success).toBe(true);
    expect(result.summary).toBe('Fabrikam shares fall');
  });

  it('finds the company a wire slug is glued to, and leaves the slug out of the summary', () => {
    const result = analyzer.analyzeSync({
      title: 'EXCLUSIVE-Fabrikam shares slump on profit warning',
      text: '',
    });
    expect(result.companies.map((c) => c.companyId)).toEqual(['fabrikam']);
    expect(result.summary).toBe('Fabrikam shares slump on profit warning');
    expect(result.sentiment.score).toBeLessThanOrEqual(-0.15);
  });

  it('reads an article whose characters were broken by a double decoding as the article itself', () => {
    const clean: AnalyzeInput = {
      title: 'Nestlé profit jumps to €1.2bn – “a record year”',
      text: 'Nestlé said on Tuesday that first-half profit rose 12% to €1.2bn, or £1.0bn, beating forecasts. Its shares climbed 4% in Zürich – the biggest gain in a year. The company expects sales to keep growing in the second half.',
    };
    const broken = { title: mojibakeOf(clean.title), text: mojibakeOf(clean.text) };
    expect(broken.title).toBe('NestlÃ© profit jumps to â‚¬1.2bn â€“ â€œa record yearâ€\u009d');

    const result = analyzer.analyzeSync(broken);
    expect(result).toEqual(analyzer.analyzeSync(clean));
    expect(result.companies.map((c) => c.companyId)).toContain('nestle');
    expect(result.summary).toContain('€1.2bn');
  });
});

describe('analysis paragraphs', () => {
  it('has 3–5 paragraphs and no number the article does not contain', () => {
    for (const sample of SAMPLES) {
      const result = analyzer.analyzeSync(sample);
      expect(result.analysis.length).toBeGreaterThanOrEqual(3);
      expect(result.analysis.length).toBeLessThanOrEqual(5);
      const source = `${sample.title} ${sample.text}`;
      for (const paragraph of result.analysis) {
        for (const number of paragraph.match(/\d+(?:[.,]\d+)*/g) ?? []) expect(source).toContain(number);
      }
    }
  });

  it('names the companies and quotes the forward-looking statement', () => {
    const result = analyzer.analyzeSync(EXPORT_BAN);
    const text = result.analysis.join('\n');
    expect(text).toContain('NVIDIA');
    expect(text).toMatch(/Looking ahead/);
    expect(text).toContain('expects the government to decide');
  });

  it('speaks of one company in the singular', () => {
    const one = analyzer.analyzeSync({
      title: 'Contoso raises dividend as quarterly profit rises',
      text: 'Contoso said quarterly profit rose 8 percent. It raised its dividend by 4 percent.',
    });
    expect(one.analysis[0]).toContain('The company at the centre of the story is Contoso.');
  });
});

describe('analysis paragraphs state only what the article supports', () => {
  it('names only events that fired in sentences about the subject', () => {
    const result = analyzer.analyzeSync({
      title: 'Litware sues Fabrikam for breach of contract',
      text: [
        'Litware said on Monday that Fabrikam was in breach of a contract to supply gearboxes for its turbines.',
        'The lawsuit, filed in Delaware, seeks $120 million in damages.',
        'Separately, Contoso completed its acquisition of a small software maker last year.',
        'Contoso has said the acquisition added about 2% to its revenue.',
      ].join(' '),
    });
    const text = result.analysis.join('\n');
    expect(text).toContain('legal action');
    expect(text).not.toMatch(/merger|outage/);
  });

  it('never quotes a results-table row as a sentence', () => {
    const result = analyzer.analyzeSync({
      title: 'HARBOR VALVE CORP <HVLV> 2ND QTR NET',
      text: 'TULSA, Okla., May 4 - Shr 41 cts vs 22 cts\n    Net 8.2 mln vs 4.4 mln\n    Revs 96.4 mln vs 81.0 mln\n    Six mths\n    Shr 70 cts vs 39 cts\n Reuter',
    });
    const text = result.analysis.join('\n');
    expect(text).not.toMatch(/Shr|Revs| vs /);
    expect(result.sentiment.score).toBeGreaterThan(0.15);
    expect(result.topics[0]?.slug).toBe('earnings');
  });

  it('looks ahead only with sentences about what is still to come', () => {
    const backward = analyzer.analyzeSync({
      title: 'Fabrikam profit beats forecasts',
      text: [
        'Fabrikam said quarterly profit rose 14%, more than analysts had expected.',
        'Revenue was better than expected in every region.',
        'The company raised its outlook in April.',
      ].join(' '),
    });
    expect(backward.analysis.join('\n')).not.toMatch(/Looking ahead/);

    const forward = analyzer.analyzeSync({
      title: 'Fabrikam profit beats forecasts',
      text: [
        'Fabrikam said quarterly profit rose 14%, more than analysts had expected.',
        'The company will open two plants in Poland next year.',
      ].join(' '),
    });
    const ahead = forward.analysis.find((p) => p.startsWith('Looking ahead')) ?? '';
    expect(ahead).toContain('will open two plants');
    expect(ahead).not.toContain('had expected');
  });
});
