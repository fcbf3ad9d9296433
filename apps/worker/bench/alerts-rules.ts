import type { AlertRuleKind, DbClient, Prisma } from '@wirelens/db';

/**
 * The rules `bench:alerts` creates, as analysts set them: mostly conditional article rules (important
 * news, bearish news, a keyword search) and window rules on the names they follow, over watchlists of
 * very different sizes. Shares of `--rules`; the README's Benchmarks section prints the same table.
 */
export const RULE_MIX: readonly RuleShape[] = [
  {
    share: 0.3,
    what: 'important news on a watchlist: ARTICLE, minImportance 7 (a tenth at 8), cooldown 60 min',
    kind: 'ARTICLE',
    target: 'watchlist',
    cooldownMinutes: 60,
    params: (r) => ({ minImportance: r() < 0.1 ? 8 : 7 }),
  },
  {
    share: 0.15,
    what: 'bearish news on a watchlist: ARTICLE, sentiments BEARISH/SOMEWHAT_BEARISH, minImportance 5, cooldown 60 min',
    kind: 'ARTICLE',
    target: 'watchlist',
    cooldownMinutes: 60,
    params: () => ({ sentiments: ['BEARISH', 'SOMEWHAT_BEARISH'], minImportance: 5 }),
  },
  {
    share: 0.1,
    what: 'everything about one company: ARTICLE without conditions, cooldown 30 min',
    kind: 'ARTICLE',
    target: 'company',
    cooldownMinutes: 30,
    params: () => ({}),
  },
  {
    share: 0.05,
    what: 'a topic: ARTICLE, minImportance 6, cooldown 60 min',
    kind: 'ARTICLE',
    target: 'topic',
    cooldownMinutes: 60,
    params: () => ({ minImportance: 6 }),
  },
  {
    share: 0.05,
    what: 'a keyword search saved on a watchlist: ARTICLE on the saved filter, cooldown 60 min',
    kind: 'ARTICLE',
    target: 'savedFilter',
    cooldownMinutes: 60,
    params: () => ({}),
  },
  {
    share: 0.12,
    what: 'daily sentiment shift on a watchlist: SENTIMENT_SHIFT DAY, minDelta 0.3, minArticles 3, cooldown 4 h',
    kind: 'SENTIMENT_SHIFT',
    target: 'watchlist',
    cooldownMinutes: 240,
    params: () => ({ window: 'DAY', minDelta: 0.3, minArticles: 3 }),
  },
  {
    share: 0.05,
    what: 'hourly sentiment shift on a company: SENTIMENT_SHIFT HOUR, minDelta 0.4, minArticles 3, cooldown 2 h',
    kind: 'SENTIMENT_SHIFT',
    target: 'company',
    cooldownMinutes: 120,
    params: () => ({ window: 'HOUR', minDelta: 0.4, minArticles: 3 }),
  },
  {
    share: 0.05,
    what: 'weekly mood turning negative on a company: SENTIMENT_SHIFT WEEK, threshold 0 DOWN, cooldown 24 h',
    kind: 'SENTIMENT_SHIFT',
    target: 'company',
    cooldownMinutes: 1440,
    params: () => ({ window: 'WEEK', threshold: 0, direction: 'DOWN', minArticles: 3 }),
  },
  {
    share: 0.08,
    what: 'abnormal attention: ATTENTION DAY, RATIO k 3 over 7 days, minArticles 3, cooldown 12 h (half on companies, half on watchlists)',
    kind: 'ATTENTION',
    target: 'companyOrWatchlist',
    cooldownMinutes: 720,
    params: () => ({ window: 'DAY', mode: 'RATIO', k: 3, baselineWindows: 7, minArticles: 3 }),
  },
  {
    share: 0.05,
    what: 'sentiment anomaly on a company: SENTIMENT_ANOMALY k 2.5 over 30 days, minArticles 3, cooldown 24 h',
    kind: 'SENTIMENT_ANOMALY',
    target: 'company',
    cooldownMinutes: 1440,
    params: () => ({ k: 2.5, baselineDays: 30, minArticles: 3 }),
  },
];

/** Watchlist sizes: shares of `--watchlists` and how many companies (and topics) each holds. */
export const WATCHLIST_SIZES: readonly { share: number; companies: [number, number]; topics: number }[] = [
  { share: 0.4, companies: [3, 5], topics: 0 },
  { share: 0.4, companies: [10, 20], topics: 0 },
  { share: 0.2, companies: [30, 50], topics: 2 },
];

/** Share of watchlists with a saved keyword search (then every rule on the list checks it too). */
export const SAVED_SEARCH_SHARE = 0.05;
const SEARCHES = ['jobs', 'acquire', 'investigation', 'guidance', 'launch'];

interface RuleShape {
  share: number;
  what: string;
  kind: AlertRuleKind;
  target: 'watchlist' | 'company' | 'topic' | 'savedFilter' | 'companyOrWatchlist';
  cooldownMinutes: number;
  params: (random: () => number) => Prisma.InputJsonObject;
}

/** mulberry32: the same rules on every run and branch. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

function shareOf<T extends { share: number }>(shapes: readonly T[], index: number, total: number): T {
  const at = (index + 0.5) / total;
  let sum = 0;
  for (const shape of shapes) {
    sum += shape.share / shapes.reduce((s, x) => s + x.share, 0);
    if (at < sum) return shape;
  }
  return shapes[shapes.length - 1] as T;
}

export interface BenchRuleOptions {
  rules: number;
  watchlists: number;
  users: number;
  /**
   * false (steady state): each rule last fired at a random time within the last two cooldowns, so
   * about half are cooling down when articles start; true: no rule has fired yet.
   */
  cold: boolean;
}

/** Users, watchlists (sizes as WATCHLIST_SIZES, some with a saved search) and rules as RULE_MIX. */
export async function createBenchRules(db: DbClient, options: BenchRuleOptions): Promise<number[]> {
  const random = seeded(20_261_204);
  await db.user.createMany({
    data: Array.from({ length: options.users }, (_, i) => ({
      email: `bench-${i}@wirelens.local`,
      passwordHash: 'x',
      role: 'ANALYST' as const,
    })),
  });
  const users = (
    await db.user.findMany({ where: { email: { startsWith: 'bench-' } }, select: { id: true } })
  ).map((u) => u.id);
  const companies = (await db.company.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map(
    (c) => c.id,
  );
  const topics = (await db.topic.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((t) => t.id);
  const lists = await db.watchlist.createManyAndReturn({
    data: Array.from({ length: options.watchlists }, (_, i) => ({
      ownerId: users[i % users.length] as number,
      name: `List ${i}`,
    })),
    select: { id: true, ownerId: true },
  });
  const members: { watchlistId: number; companyId: number }[] = [];
  const listTopics: { watchlistId: number; topicId: number }[] = [];
  for (const [i, list] of lists.entries()) {
    const size = shareOf(WATCHLIST_SIZES, i, lists.length);
    const [low, high] = size.companies;
    const count = low + Math.floor(random() * (high - low + 1));
    for (let k = 0; k < count; k += 1)
      members.push({ watchlistId: list.id, companyId: pick(companies, random) });
    for (let k = 0; k < size.topics && topics.length > 0; k += 1)
      listTopics.push({ watchlistId: list.id, topicId: pick(topics, random) });
  }
  await db.watchlistCompany.createMany({ data: members, skipDuplicates: true });
  await db.watchlistTopic.createMany({ data: listTopics, skipDuplicates: true });
  const searched = lists.filter((_, i) => (i * 7919) % lists.length < lists.length * SAVED_SEARCH_SHARE);
  const filters = await db.savedFilter.createManyAndReturn({
    data: searched.map((list, i) => {
      const search = SEARCHES[i % SEARCHES.length] ?? 'jobs';
      return { watchlistId: list.id, name: search, filter: { search } };
    }),
    select: { id: true, watchlistId: true },
  });
  const ownerOfList = new Map(lists.map((l) => [l.id, l.ownerId]));
  const now = Date.now();
  await db.alertRule.createMany({
    data: Array.from({ length: options.rules }, (_, i) => {
      const shape = shareOf(RULE_MIX, i, options.rules);
      const target =
        shape.target === 'companyOrWatchlist' ? (random() < 0.5 ? 'company' : 'watchlist') : shape.target;
      let owner = pick(users, random);
      let on: Partial<Record<'watchlistId' | 'companyId' | 'topicId' | 'savedFilterId', number>>;
      if (target === 'watchlist') {
        const list = pick(lists, random);
        owner = list.ownerId;
        on = { watchlistId: list.id };
      } else if (target === 'savedFilter' && filters.length > 0) {
        const filter = pick(filters, random);
        owner = ownerOfList.get(filter.watchlistId) ?? owner;
        on = { savedFilterId: filter.id };
      } else if (target === 'topic' && topics.length > 0) on = { topicId: pick(topics, random) };
      else on = { companyId: pick(companies, random) };
      const sinceFired = random() * 2 * shape.cooldownMinutes * 60_000;
      return {
        ownerId: owner,
        name: `Rule ${i}`,
        kind: shape.kind,
        params: shape.params(random),
        cooldownMinutes: shape.cooldownMinutes,
        lastFiredAt: options.cold ? null : new Date(now - sinceFired),
        ...on,
      };
    }),
  });
  return users;
}
