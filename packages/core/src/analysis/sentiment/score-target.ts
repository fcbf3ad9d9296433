/**
 * Target-dependent sentiment: how one sentence reads for one company when
 * several are named. Evidence goes to the nearest company mention; rivalry
 * verbs ("X beat Y", "X overtook Y") and "than Y" comparisons give the object
 * the opposite tone; legal and regulatory actions ("X sued Y", "regulators
 * banned Y", "analysts downgraded Y") land on the object, not the subject;
 * "X lost the contract to Y" is good for Y; the target of a bid ("X to buy Y")
 * reads positive, as a takeover comes at a premium.
 */
import { expandPatterns, PhraseMatcher } from '../text/phrase-matcher.js';
import type { Token } from '../text/tokenize.js';
import { FALLING_BEHIND_PATTERNS } from './lexicon.js';
import { squash, type TokenSentiment } from './score-tokens.js';

export interface TokenRange {
  start: number;
  end: number;
}

type Relation = 'rivalry' | 'win' | 'action' | 'lost-to' | 'deal';

const RELATION_SPECS: [string, Relation][] = [
  [
    'beat|beats|beating|outperformed|outperforms|outsold|outsells|overtook|overtakes|overtaken|surpassed|surpasses|outbid|outbids|outbidding|defeated|defeats|trounced|outpaced|outpaces|outmaneuvered|dethroned|eclipsed|edged out|edges out|ahead of',
    'rivalry',
  ],
  ['won|wins|win|grabbed|grabs|poached|poaches|took|takes|steals|stole|snatched', 'win'],
  [
    'sued|sues|sue|suing|accused|accuses|accuse|fined|fines|fine|banned|bans|ban|blocked|blocks|block|sanctioned|sanctions|probed|probes|probing|investigates|investigated|investigating|downgraded|downgrades|downgrade|restricts|restricted|penalized|penalised|charged|charges|blacklisted|blacklists|raided|cut|cuts',
    'action',
  ],
  // Losing to a rival or falling behind one: "Boeing falls behind Airbus in jet orders" is good news
  // for Airbus.
  [`lost|loses|lose|losing|${FALLING_BEHIND_PATTERNS}`, 'lost-to'],
  [
    'to buy|buys|bought|buying|acquire|acquires|acquired|acquiring|to acquire|acquisition of|takeover of|buyout of|bid for|bids for|offer for|offers for|takeover approach for',
    'deal',
  ],
];

const RELATIONS = new PhraseMatcher<Relation>(
  RELATION_SPECS.flatMap(([pattern, relation]) => expandPatterns(pattern).map((p) => [p, relation] as const)),
);

/** Share of the tone of a sentence that reaches a company whose mention is not the nearest to the evidence. */
const SHARED_TONE = 0.15;
/** What the acting party keeps of a negative legal/regulatory word ("X sued Y" is mildly negative for X at most). */
const ACTOR_SHARE = 0.1;
/** The company being bought: a bid comes at a premium, so it is good news for the target's holders. */
const DEAL_TARGET_TONE = 0.6;

function distance(a: TokenRange, b: TokenRange): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

export function scoreTarget({
  tokens,
  sentiment,
  target,
  others,
}: {
  tokens: readonly Token[];
  sentiment: TokenSentiment;
  target: readonly TokenRange[];
  others: readonly TokenRange[];
}): { raw: number; score: number; hasEvidence: boolean } {
  if (target.length === 0) return { raw: 0, score: 0, hasEvidence: false };
  if (others.length === 0) return scoreSoleTarget(tokens, sentiment, target);

  const relations = RELATIONS.matchAll(tokens);
  // "HSBC, Standard Chartered lead bank rout": companies listed together share what is said of them.
  const group = conjoined(tokens, target, others);
  const rivals = others.filter((o) => !group.includes(o));
  const firstTarget = Math.min(...target.map((r) => r.start));
  const firstOther = Math.min(...others.map((r) => r.start));
  let raw = 0;
  let evidence = false;

  for (const hit of sentiment.hits) {
    const relation = relations.find((r) => r.start >= hit.start && r.end <= hit.end);
    if (relation) {
      const targetIsObject = firstTarget >= relation.end && firstOther < relation.start;
      const targetIsSubject = firstTarget < relation.start && others.some((o) => o.start >= relation.end);
      // "won the order from Emirates" names a customer; only "won … over/against Y" beats a rival.
      const rivalWin =
        relation.payload !== 'win' ||
        tokens
          .slice(relation.end, Math.max(firstTarget, firstOther))
          .some((t) => t.lower === 'over' || t.lower === 'against');
      if ((targetIsObject || targetIsSubject) && rivalWin) {
        evidence = true;
        raw += relationEffect(relation.payload, hit.value, targetIsObject);
        continue;
      }
    }
    const toTarget = Math.min(...group.map((r) => distance(r, hit)));
    const toOther = Math.min(...rivals.map((r) => distance(r, hit)));
    if (toTarget <= toOther || jointWith(tokens, hit, group, rivals)) {
      raw += hit.value;
      evidence = true;
    } else {
      raw += hit.value * SHARED_TONE;
    }
  }

  // "X sold more than Y": Y reads the opposite of the sentence.
  const thanBeforeTarget =
    tokens.some((t, i) => t.lower === 'than' && i < firstTarget && firstTarget - i <= 3) &&
    firstOther < firstTarget;
  if (thanBeforeTarget && sentiment.raw !== 0) {
    raw = -Math.abs(raw || sentiment.raw) * Math.sign(sentiment.raw);
    evidence = true;
  }
  return { raw, score: squash(raw), hasEvidence: evidence };
}

/**
 * "X seals merger with Y", "X signs a supply deal with Y": what the subject does together with
 * the company after "with" is both companies' news, though the evidence sits nearer one of them.
 * One company comes before the evidence, the other after a "with" that follows it, and nothing
 * between them ends the clause. "with Y lagging" sets Y beside the subject, not with it.
 */
function jointWith(
  tokens: readonly Token[],
  hit: TokenRange,
  group: readonly TokenRange[],
  rivals: readonly TokenRange[],
): boolean {
  return (
    withBetween(tokens, hit, lastBefore(group, hit), firstAfter(rivals, hit)) ||
    withBetween(tokens, hit, lastBefore(rivals, hit), firstAfter(group, hit))
  );
}

function lastBefore(list: readonly TokenRange[], hit: TokenRange): TokenRange | undefined {
  let best: TokenRange | undefined;
  for (const r of list) if (r.end <= hit.start && (!best || r.end > best.end)) best = r;
  return best;
}

function firstAfter(list: readonly TokenRange[], hit: TokenRange): TokenRange | undefined {
  let best: TokenRange | undefined;
  for (const r of list) if (r.start >= hit.end && (!best || r.start < best.start)) best = r;
  return best;
}

/** A "with" after the evidence and before the partner, in the subject's clause. */
function withBetween(
  tokens: readonly Token[],
  hit: TokenRange,
  subject: TokenRange | undefined,
  partner: TokenRange | undefined,
): boolean {
  if (!subject || !partner || tokens[partner.end]?.lower.endsWith('ing')) return false;
  let withSeen = false;
  for (let i = subject.end; i < partner.start; i++) {
    const word = tokens[i]?.lower ?? '';
    if (word === ',' || SEGMENT_BREAKS.has(word)) return false;
    if (word === 'with' && i >= hit.end) withSeen = true;
  }
  return withSeen;
}

/** Words that join the names of a list ("X, Y and Z"). */
const LIST_JOINERS = new Set([',', 'and', '&', 'or']);

/** The target's mentions and the mentions listed with them ("X and Y", "X, Y & Z"), transitively. */
function conjoined(
  tokens: readonly Token[],
  target: readonly TokenRange[],
  others: readonly TokenRange[],
): readonly TokenRange[] {
  const group = [...target];
  const joins = (a: TokenRange, b: TokenRange) => {
    const [first, second] = a.end <= b.start ? [a, b] : [b, a];
    if (second.start < first.end || second.start - first.end > 2) return false;
    for (let i = first.end; i < second.start; i++)
      if (!LIST_JOINERS.has(tokens[i]?.lower ?? '')) return false;
    return second.start > first.end;
  };
  for (let grew = true; grew;) {
    grew = false;
    for (const other of others)
      if (!group.includes(other) && group.some((member) => joins(member, other))) {
        group.push(other);
        grew = true;
      }
  }
  return group;
}

function relationEffect(relation: Relation, value: number, targetIsObject: boolean): number {
  switch (relation) {
    case 'rivalry':
    case 'win':
      // The winner gets the word's tone, the beaten party the opposite.
      return targetIsObject ? -Math.abs(value) : Math.abs(value);
    case 'action':
      return targetIsObject ? -Math.abs(value) : -Math.abs(value) * ACTOR_SHARE;
    case 'lost-to':
      return targetIsObject ? Math.abs(value) : -Math.abs(value);
    case 'deal':
      return targetIsObject ? DEAL_TARGET_TONE : value;
  }
}

/** Words that join two separate statements in one sentence ("X rose, while the index fell"). */
const SEGMENT_BREAKS = new Set([';', 'while', 'whereas', 'meanwhile', 'but', 'however']);

/**
 * One company in the sentence: evidence in its own segment counts fully,
 * evidence in another segment (after "while", "but", ";") only partly.
 */
function scoreSoleTarget(
  tokens: readonly Token[],
  sentiment: TokenSentiment,
  target: readonly TokenRange[],
): { raw: number; score: number; hasEvidence: boolean } {
  const segmentOf: number[] = [];
  let segment = 0;
  for (const token of tokens) {
    if (SEGMENT_BREAKS.has(token.lower)) segment++;
    segmentOf.push(segment);
  }
  if (segment === 0)
    return { raw: sentiment.raw, score: sentiment.score, hasEvidence: sentiment.hits.length > 0 };
  const targetSegments = new Set(target.map((r) => segmentOf[r.start] ?? 0));
  let raw = 0;
  let evidence = false;
  for (const hit of sentiment.hits) {
    if (targetSegments.has(segmentOf[hit.anchor] ?? 0)) {
      raw += hit.value;
      evidence = true;
    } else {
      raw += hit.value * SHARED_TONE;
    }
  }
  return { raw, score: squash(raw), hasEvidence: evidence };
}
