import { describe, expect, it } from 'vitest';

import { STORY_SIMILARITY_THRESHOLD, storySimilarity, type StoryFeatures } from './story-similarity.js';
import {
  addClusterPrint,
  CLUSTER_RECENT_PRINTS,
  extractFacts,
  parseClusterPrints,
  parseFingerprint,
  serializeClusterPrints,
  serializeFingerprint,
  textFingerprint,
} from './text-fingerprint.js';

const at = (iso: string) => new Date(iso);
/** A report's story features: the fingerprint of its text, the companies it names and when it was published. */
const report = (text: string, companyIds: string[], publishedAt: string): StoryFeatures => ({
  fingerprint: textFingerprint(text),
  companyIds,
  publishedAt: at(publishedAt),
});

const reportA = report(
  'Fabrikam agreed to buy Litware for $4.1 billion in cash, the companies said on Monday. The deal values Litware at $38 a share, a 27% premium to its closing price on Friday. Fabrikam said the acquisition would add Litware’s rail signalling business to its industrial automation unit and expects the deal to close in the second half of the year, subject to regulatory approval.',
  ['fabrikam', 'litware'],
  '2026-03-02T07:00:00Z',
);
const reportB = report(
  'Industrial group Fabrikam will acquire rail signalling specialist Litware in an all-cash deal worth $4.1 billion. Litware shareholders will receive $38 per share, a 27% premium over Friday’s close. The acquisition, which needs regulatory approval, is expected to close in the second half of the year and will be folded into Fabrikam’s automation unit.',
  ['fabrikam', 'litware'],
  '2026-03-02T09:30:00Z',
);
const reportC = report(
  'Litware shares jumped 25% on Monday after Fabrikam announced a $4.1 billion cash acquisition of the rail signalling company. Fabrikam is paying $38 a share and expects the deal, which is subject to regulatory approval, to close in the second half of the year. The acquisition would strengthen Fabrikam’s industrial automation unit.',
  ['litware', 'fabrikam'],
  '2026-03-02T12:00:00Z',
);
const unrelated = report(
  'The central bank kept its benchmark interest rate unchanged on Wednesday and said inflation was easing more slowly than expected. Policymakers signalled that borrowing costs would stay high for longer, and bond yields rose after the statement.',
  [],
  '2026-03-02T10:00:00Z',
);
const sameCompanyOtherStory = report(
  'Fabrikam recalled 40,000 industrial robots after a software fault caused arms to stop without warning at customer plants. The company said no one was hurt and that a patch would be available within two weeks.',
  ['fabrikam'],
  '2026-03-02T11:00:00Z',
);

describe('storySimilarity', () => {
  it('groups differently worded reports of one event', () => {
    for (const [a, b] of [
      [reportA, reportB],
      [reportA, reportC],
      [reportB, reportC],
    ] as const) {
      const similarity = storySimilarity(a, b);
      expect(similarity.score).toBeGreaterThanOrEqual(STORY_SIMILARITY_THRESHOLD);
      expect(similarity.sameStory).toBe(true);
      expect(similarity.nearDuplicate).toBe(false);
    }
  });

  it('keeps unrelated stories apart, even about the same company on the same day', () => {
    expect(storySimilarity(reportA, unrelated).sameStory).toBe(false);
    expect(storySimilarity(reportA, sameCompanyOtherStory).sameStory).toBe(false);
    expect(storySimilarity(reportB, unrelated).score).toBeLessThan(0.3);
  });

  it('flags near-duplicate copies and is symmetric', () => {
    const copy: StoryFeatures = {
      ...reportA,
      fingerprint: textFingerprint(
        `UPDATE 1 - ${'Fabrikam agreed to buy Litware for $4.1 billion in cash, the companies said on Monday. The deal values Litware at $38 a share, a 27% premium to its closing price on Friday. Fabrikam said the acquisition would add Litware’s rail signalling business to its industrial automation unit and expects the deal to close in the second half of the year, subject to regulatory approval.'}`,
      ),
    };
    expect(storySimilarity(reportA, copy).nearDuplicate).toBe(true);
    expect(storySimilarity(reportA, reportB).score).toBe(storySimilarity(reportB, reportA).score);
  });

  it('lowers the score as reports drift apart in time', () => {
    const later = { ...reportB, publishedAt: at('2026-03-20T09:30:00Z') };
    expect(storySimilarity(reportA, later).score).toBeLessThan(storySimilarity(reportA, reportB).score);
  });
});

describe('textFingerprint', () => {
  it('is deterministic and survives serialisation', () => {
    const text = 'Regulators opened an antitrust probe into the cloud provider on Thursday.';
    expect(textFingerprint(text)).toEqual(textFingerprint(text));
    const fingerprint = textFingerprint(text);
    expect(parseFingerprint(serializeFingerprint(fingerprint))).toEqual(fingerprint);
    expect(parseFingerprint('not a fingerprint')).toBeNull();
  });
});

describe('shared figures', () => {
  const when = new Date('2026-03-02T10:00:00Z');
  const first =
    'Harbor Freight Lines agreed to buy Coastal Rail for $3.7 billion in cash, or $41.25 a share, a 28% premium. The deal needs approval from regulators and should close next year.';
  const second =
    'Coastal Rail shareholders will receive $41.25 per share after the board backed a takeover worth $3.7 billion. Analysts called the 28% premium generous and expect a lengthy antitrust review.';
  const unrelated =
    'Coastal Rail reported quarterly revenue of $612 million, up 4%, and kept its full-year outlook unchanged as freight volumes stabilised across its western network.';

  it('extracts figures with units and ignores years and small counts', () => {
    expect(
      extractFacts('In 2026 it sold 3 plants for $4.2 billion, 7.2% of sales, and 412,000 cars.').sort(),
    ).toEqual(['$4.2b', '412000', '7.2%'].sort());
  });

  it('puts differently worded reports that repeat the same figures in one story', () => {
    const a = { fingerprint: textFingerprint(first), companyIds: ['rail'], publishedAt: when };
    const b = {
      fingerprint: textFingerprint(second),
      companyIds: ['rail'],
      publishedAt: new Date(when.getTime() + 2 * 3_600_000),
    };
    expect(storySimilarity(a, b).sameStory).toBe(true);
  });

  it('keeps a different event about the same company apart', () => {
    const a = { fingerprint: textFingerprint(first), companyIds: ['rail'], publishedAt: when };
    const c = { fingerprint: textFingerprint(unrelated), companyIds: ['rail'], publishedAt: when };
    expect(storySimilarity(a, c).sameStory).toBe(false);
  });

  it('keeps a cluster to its first report and its latest members, through storage', () => {
    const prints = ['one', 'two', 'three', 'four', 'five'].map((w) => textFingerprint(`${first} ${w}`));
    const kept = prints.reduce<ReturnType<typeof textFingerprint>[]>(addClusterPrint, []);
    expect(kept).toEqual([prints[0], ...prints.slice(-CLUSTER_RECENT_PRINTS)]);
    expect(parseClusterPrints(serializeClusterPrints(kept))).toEqual(kept);
    // The older one-print form still reads.
    expect(parseClusterPrints(serializeFingerprint(prints[1] ?? textFingerprint(first)))).toEqual([
      prints[1],
    ]);
  });
});

describe('template stories', () => {
  // Wire services and company press desks publish many stories from one template: the same
  // sentences with another company and other figures. Each is its own story.
  const names = [
    'Northwind Traders',
    'Contoso Pharma',
    'Tailspin Toys',
    'Adventure Works',
    'Wide World Importers',
  ];
  const story = (i: number, wording: 'wire' | 'desk') => {
    const name = names[i % names.length] ?? 'Fabrikam';
    const revenue = 400 + 37 * i;
    const growth = 3 + (i % 7) + i / 10;
    const eps = (1.1 + i / 20).toFixed(2);
    return wording === 'wire'
      ? `${name} reported third-quarter revenue of $${revenue} million, up ${growth.toFixed(1)}% from a year earlier, and earnings of $${eps} a share. The company kept its full-year outlook and said demand stayed steady in its main markets. Shares were little changed in early trading.`
      : `${name} said on Tuesday that third-quarter revenue rose ${growth.toFixed(1)}% to $${revenue} million and that it earned $${eps} per share. It kept its full-year outlook, citing steady demand in its main markets; the shares barely moved in early trading.`;
  };
  const when = new Date('2026-03-02T10:00:00Z');
  const features = (i: number, wording: 'wire' | 'desk', companyIds: string[] = []): StoryFeatures => ({
    fingerprint: textFingerprint(story(i, wording)),
    companyIds,
    publishedAt: when,
  });

  it('keeps stories from one template apart when their figures differ', () => {
    for (let i = 0; i < 10; i++) {
      for (let j = i + 1; j < 10; j++) {
        expect(storySimilarity(features(i, 'wire'), features(j, 'wire')).sameStory).toBe(false);
      }
    }
  });

  it('keeps stories from one template apart when they name different companies', () => {
    expect(
      storySimilarity(features(1, 'wire', ['northwind']), features(6, 'desk', ['contoso'])).sameStory,
    ).toBe(false);
  });

  it('still puts two sources of the same template story together', () => {
    for (let i = 0; i < 10; i++) {
      expect(storySimilarity(features(i, 'wire'), features(i, 'desk')).sameStory).toBe(true);
    }
  });
});
