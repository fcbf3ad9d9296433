import {
  addClusterPrint,
  parseClusterPrints,
  serializeClusterPrints,
  storySimilarity,
  textFingerprint,
  type TextFingerprint,
} from '@wirelens/core/analysis';

import type { DbClient } from '../client.js';
import type { Article } from '../generated/prisma/client.js';

/** An article joins only a cluster whose first report is at most this far from it in time. */
export const CLUSTER_WINDOW_HOURS = 72;
const MAX_CANDIDATES = 400;
/** How many of a cluster's other articles (the latest) a coverage result names. */
export const MAX_REPORTED_MEMBERS = 50;
// Serialises cluster assignment so two workers cannot open two clusters for one story.
const CLUSTER_LOCK_KEY = 72_707_370;

export interface AssignStoryClusterOptions {
  db: DbClient;
  articleId: number;
  /** Registry ids of the companies the analysis found in the article. */
  companyIds: number[];
}

export interface StoryCoverage {
  clusterId: number;
  /** Distinct sources in the cluster, this article included. */
  distinctSources: number;
  /** True when no earlier article of another source told this story. */
  isFirstReport: boolean;
  /** True when this call put the article into the cluster and it brought a source the cluster did not have. */
  addedSource: boolean;
  /** True when no other article of the cluster comes from this article's source (it brought the source, whenever it joined). */
  onlyOfItsSource: boolean;
  /** The cluster's other articles, latest first, at most MAX_REPORTED_MEMBERS of them. */
  otherMemberIds: number[];
}

export function articleFingerprintText(article: {
  title: string;
  excerpt: string | null;
  contentText: string | null;
}): string {
  return `${article.title}\n${article.contentText ?? article.excerpt ?? ''}`.slice(0, 20_000);
}

/**
 * Puts an article into the story cluster of the same event (near-duplicate text,
 * shared companies, close times), or opens a new cluster. Incremental: compares
 * against the recent clusters only. Idempotent: an article keeps its cluster.
 */
export async function assignStoryCluster({
  db,
  articleId,
  companyIds,
}: AssignStoryClusterOptions): Promise<StoryCoverage> {
  const [coverage] = await assignStoryClusters({ db, articles: [{ articleId, companyIds }] });
  if (!coverage) throw new Error(`article ${articleId}: no story cluster`);
  return coverage;
}

/**
 * assignStoryCluster for several articles, one after the other in the given order, in one
 * transaction under one lock: each sees the clusters the earlier ones opened or joined, and
 * their companies, exactly as if each had been assigned and stored on its own.
 *
 * Set-based, so the lock is held for a handful of statements per call whatever its size: the
 * candidate clusters of every article at once (each article's MAX_CANDIDATES latest clusters in
 * its window) and their companies, the figures of the clusters the call touches, then the writes
 * (new clusters, the articles' cluster ids, the touched clusters' figures and prints). Matching
 * and coverage are worked out in memory in between, article by article in the given order.
 */
export async function assignStoryClusters({
  db,
  articles,
}: {
  db: DbClient;
  articles: readonly Omit<AssignStoryClusterOptions, 'db'>[];
}): Promise<StoryCoverage[]> {
  if (articles.length === 0) return [];
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLUSTER_LOCK_KEY})`;
      const rows = new Map(
        (
          await tx.$queryRaw<ClusterArticle[]>`
            SELECT "id", "title", "excerpt", "contentText", "publishedAt", "sourceId", "clusterId"
            FROM "Article" WHERE "id" = ANY(${articles.map((a) => a.articleId)}::int[])`
        ).map((row) => [row.id, row]),
      );
      const subjects = articles.map(({ articleId, companyIds }) => {
        const article = rows.get(articleId);
        if (!article) throw new Error(`No Article found with id ${articleId}`);
        return { article, companyIds };
      });
      const clusters = await loadCandidateClusters(
        tx,
        subjects.flatMap(({ article }) => (article.clusterId === null ? [article.publishedAt] : [])),
      );
      const steps = placeArticles(subjects, clusters);
      const opened = [...clusters.values()].filter((c) => c.id < 0);
      const newIds = await allocateClusterIds(tx, opened.length);
      for (const [i, cluster] of opened.entries()) {
        const id = newIds[i];
        if (id === undefined) throw new Error('no id for a new story cluster');
        cluster.id = id;
      }
      const figures = await loadClusterFigures(tx, [
        ...new Set(
          steps.flatMap((s) => (s.cluster.id >= 0 && !opened.includes(s.cluster) ? [s.cluster.id] : [])),
        ),
      ]);
      const coverages = steps.map((step) => coverageAfter(step, figures));
      await writeAssignments(tx, steps, opened, figures);
      return coverages;
    },
    { timeout: 60_000 },
  );
}

type ClusterArticle = Pick<
  Article,
  'id' | 'title' | 'excerpt' | 'contentText' | 'publishedAt' | 'sourceId' | 'clusterId'
>;
type Tx = Parameters<Parameters<DbClient['$transaction']>[0]>[0];

/** A story cluster as matching sees it; `id` below zero: opened by this call, not inserted yet. */
interface CandidateCluster {
  id: number;
  title: string;
  prints: TextFingerprint[];
  firstSeenAt: Date;
  lastSeenAt: Date;
  /**
   * Companies of its members: the cluster's own list (written when members join, so a batch whose analyses
   * are still being stored by a concurrent worker slot counts too), its members' stored companies (with
   * editors' corrections), and the ones this call added.
   */
  companies: string[];
  printsChanged: boolean;
}

/** One article's placement: the cluster it is in, and whether this call put it there. */
interface Step {
  article: ClusterArticle;
  cluster: CandidateCluster;
  joined: boolean;
}

/** Members of a cluster as coverage counts them. */
interface ClusterFigures {
  articles: number;
  /** Per source: its members and the earliest one's time. */
  sources: Map<number, { members: number; first: Date }>;
  first: Date | null;
  last: Date | null;
  /** The latest members, latest first (one more than reported, in case the article is one of them). */
  latest: { id: number; publishedAt: Date }[];
}

const WINDOW_MS = CLUSTER_WINDOW_HOURS * 3_600_000;

/**
 * Parsed cluster prints by their stored text. Every batch reads up to MAX_CANDIDATES clusters per
 * publication time, mostly the same ones as the batch before, and parsing their prints again was
 * a tenth of a worker's CPU. Keyed by the text itself, so a cluster whose prints changed (here or
 * in another worker) is parsed anew; the prints are never modified in place.
 */
const parsedPrints = new Map<string, TextFingerprint[]>();
const PARSED_PRINTS_KEPT = 4 * MAX_CANDIDATES;

function printsOf(text: string): TextFingerprint[] {
  let prints = parsedPrints.get(text);
  if (!prints) {
    prints = parseClusterPrints(text);
    if (parsedPrints.size >= PARSED_PRINTS_KEPT) {
      const oldest = parsedPrints.keys().next();
      if (!oldest.done) parsedPrints.delete(oldest.value);
    }
    parsedPrints.set(text, prints);
  }
  return prints;
}

/**
 * The union of every given time's candidate clusters (the MAX_CANDIDATES latest whose first report
 * lies within the window around it), with their members' companies: two statements.
 */
async function loadCandidateClusters(tx: Tx, times: Date[]): Promise<Map<number, CandidateCluster>> {
  const distinct = [...new Set(times.map((t) => t.toISOString()))];
  if (distinct.length === 0) return new Map();
  const rows = await tx.$queryRaw<
    {
      id: number;
      title: string;
      fingerprint: string;
      firstSeenAt: Date;
      lastSeenAt: Date;
      companyIds: number[] | null;
    }[]
  >`
    SELECT DISTINCT ON (c.id) c.id, c.title, c.fingerprint, c."firstSeenAt", c."lastSeenAt", c."companyIds"
    FROM unnest(${distinct}::timestamp[]) AS t(at)
    CROSS JOIN LATERAL (
      SELECT id, title, fingerprint, "firstSeenAt", "lastSeenAt", "companyIds" FROM "StoryCluster"
      -- lastSeenAt ≥ firstSeenAt, so this bound lets the lastSeenAt index narrow the scan.
      WHERE "lastSeenAt" >= t.at - make_interval(hours => ${CLUSTER_WINDOW_HOURS}::int)
        AND "firstSeenAt" >= t.at - make_interval(hours => ${CLUSTER_WINDOW_HOURS}::int)
        AND "firstSeenAt" <= t.at + make_interval(hours => ${CLUSTER_WINDOW_HOURS}::int)
        AND fingerprint IS NOT NULL
      ORDER BY "lastSeenAt" DESC LIMIT ${MAX_CANDIDATES}) c`;
  const clusters = new Map<number, CandidateCluster>(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        title: row.title,
        prints: printsOf(row.fingerprint),
        firstSeenAt: row.firstSeenAt,
        lastSeenAt: row.lastSeenAt,
        companies: [...new Set(row.companyIds ?? [])].map(String),
        printsChanged: false,
      },
    ]),
  );
  if (clusters.size === 0) return clusters;
  const companies = await tx.$queryRaw<{ id: number; companies: number[] }[]>`
    SELECT a."clusterId" AS id, array_agg(DISTINCT ac."companyId") AS companies
    FROM "ArticleCompany" ac JOIN "Article" a ON a.id = ac."articleId"
    WHERE a."clusterId" = ANY(${[...clusters.keys()]}::int[])
    GROUP BY a."clusterId"`;
  for (const row of companies) {
    const cluster = clusters.get(row.id);
    if (cluster) cluster.companies = [...new Set([...cluster.companies, ...row.companies.map(String)])];
  }
  return clusters;
}

/**
 * Places each article in order: one already in a cluster stays there; another joins the most similar
 * of its candidates (as they stand after the earlier articles) or opens a cluster.
 */
function placeArticles(
  subjects: { article: ClusterArticle; companyIds: number[] }[],
  clusters: Map<number, CandidateCluster>,
): Step[] {
  const placed = new Map<number, CandidateCluster>();
  const steps: Step[] = [];
  let nextOpenedId = -1;
  for (const { article, companyIds } of subjects) {
    const stored = article.clusterId;
    let cluster = placed.get(article.id) ?? (stored === null ? undefined : clusters.get(stored));
    if (!cluster && stored !== null) {
      // Not a candidate of anyone here: only its figures are needed (no prints: nothing matches it).
      cluster = {
        id: stored,
        title: article.title,
        prints: [],
        firstSeenAt: article.publishedAt,
        lastSeenAt: article.publishedAt,
        companies: [],
        printsChanged: false,
      };
      clusters.set(stored, cluster);
    }
    const joined = !cluster;
    if (!cluster) {
      const fingerprint = textFingerprint(articleFingerprintText(article));
      const match = findMatchingCluster(clusters.values(), article.publishedAt, fingerprint, companyIds);
      if (match) {
        cluster = match;
        cluster.prints = addClusterPrint(match.prints, fingerprint);
        cluster.printsChanged = true;
        if (article.publishedAt < cluster.firstSeenAt) cluster.firstSeenAt = article.publishedAt;
        if (article.publishedAt > cluster.lastSeenAt) cluster.lastSeenAt = article.publishedAt;
      } else {
        cluster = {
          id: nextOpenedId--,
          title: article.title,
          prints: [fingerprint],
          firstSeenAt: article.publishedAt,
          lastSeenAt: article.publishedAt,
          companies: [],
          printsChanged: true,
        };
        clusters.set(cluster.id, cluster);
      }
      placed.set(article.id, cluster);
    }
    const added = companyIds.map(String).filter((id) => !cluster.companies.includes(id));
    if (added.length > 0) cluster.companies = [...cluster.companies, ...added];
    steps.push({ article, cluster, joined });
  }
  return steps;
}

/** The candidate an article joins: its MAX_CANDIDATES latest clusters in the window, best match first. */
function findMatchingCluster(
  clusters: Iterable<CandidateCluster>,
  publishedAt: Date,
  fingerprint: TextFingerprint,
  companyIds: number[],
): CandidateCluster | null {
  const earliest = publishedAt.getTime() - WINDOW_MS;
  const latest = publishedAt.getTime() + WINDOW_MS;
  let candidates = [...clusters].filter(
    (c) =>
      c.prints.length > 0 &&
      c.lastSeenAt.getTime() >= earliest &&
      c.firstSeenAt.getTime() >= earliest &&
      c.firstSeenAt.getTime() <= latest,
  );
  if (candidates.length > MAX_CANDIDATES) {
    candidates = candidates
      .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
      .slice(0, MAX_CANDIDATES);
  }
  const features = { fingerprint, companyIds: companyIds.map(String), publishedAt };
  let best: { cluster: CandidateCluster; score: number } | null = null;
  for (const cluster of candidates) {
    for (const [index, print] of cluster.prints.entries()) {
      const similarity = storySimilarity(features, {
        fingerprint: print,
        companyIds: cluster.companies,
        // The first print is the first report's; the others are recent members'.
        publishedAt: index === 0 ? cluster.firstSeenAt : cluster.lastSeenAt,
      });
      if (similarity.sameStory && (!best || similarity.score > best.score)) {
        best = { cluster, score: similarity.score };
      }
    }
  }
  return best?.cluster ?? null;
}

/** Ids for the clusters this call opens, from the table's own sequence. */
async function allocateClusterIds(tx: Tx, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT nextval(pg_get_serial_sequence('"StoryCluster"', 'id'))::int AS id
    FROM generate_series(1, ${count}::int) ORDER BY 1`;
  return rows.map((row) => row.id);
}

/** Counts over all members of the given stored clusters, and the ids of their latest few: two statements. */
async function loadClusterFigures(tx: Tx, ids: number[]): Promise<Map<number, ClusterFigures>> {
  const figures = new Map<number, ClusterFigures>();
  if (ids.length === 0) return figures;
  const perSource = await tx.$queryRaw<
    { clusterId: number; sourceId: number; articles: number; first: Date; last: Date }[]
  >`
    SELECT "clusterId", "sourceId", count(*)::int AS articles, min("publishedAt") AS first, max("publishedAt") AS last
    FROM "Article" WHERE "clusterId" = ANY(${ids}::int[])
    GROUP BY "clusterId", "sourceId"`;
  const latest = await tx.$queryRaw<{ clusterId: number; id: number; publishedAt: Date }[]>`
    SELECT c.id AS "clusterId", m.id, m."publishedAt"
    FROM unnest(${ids}::int[]) AS c(id)
    CROSS JOIN LATERAL (
      SELECT id, "publishedAt" FROM "Article" WHERE "clusterId" = c.id
      ORDER BY "publishedAt" DESC, id DESC LIMIT ${MAX_REPORTED_MEMBERS + 1}) m
    ORDER BY c.id, m."publishedAt" DESC, m.id DESC`;
  for (const row of perSource) {
    const entry = figuresOf(figures, row.clusterId);
    entry.articles += row.articles;
    entry.sources.set(row.sourceId, { members: row.articles, first: row.first });
    if (!entry.first || row.first < entry.first) entry.first = row.first;
    if (!entry.last || row.last > entry.last) entry.last = row.last;
  }
  for (const row of latest)
    figuresOf(figures, row.clusterId).latest.push({ id: row.id, publishedAt: row.publishedAt });
  return figures;
}

/** A cluster's figures, starting empty for a cluster this call opens. */
function figuresOf(figures: Map<number, ClusterFigures>, id: number): ClusterFigures {
  let entry = figures.get(id);
  if (!entry) {
    entry = { articles: 0, sources: new Map(), first: null, last: null, latest: [] };
    figures.set(id, entry);
  }
  return entry;
}

/** Adds a joining article to its cluster's figures (when this call put it there) and reads its coverage. */
function coverageAfter(step: Step, figures: Map<number, ClusterFigures>): StoryCoverage {
  const { article, cluster, joined } = step;
  const entry = figuresOf(figures, cluster.id);
  if (joined) {
    entry.articles += 1;
    const source = entry.sources.get(article.sourceId);
    if (source) {
      source.members += 1;
      if (article.publishedAt < source.first) source.first = article.publishedAt;
    } else {
      entry.sources.set(article.sourceId, { members: 1, first: article.publishedAt });
    }
    if (!entry.first || article.publishedAt < entry.first) entry.first = article.publishedAt;
    if (!entry.last || article.publishedAt > entry.last) entry.last = article.publishedAt;
    const member = { id: article.id, publishedAt: article.publishedAt };
    const at = entry.latest.findIndex(
      (m) =>
        m.publishedAt < member.publishedAt ||
        (m.publishedAt.getTime() === member.publishedAt.getTime() && m.id < member.id),
    );
    entry.latest.splice(at === -1 ? entry.latest.length : at, 0, member);
    entry.latest.length = Math.min(entry.latest.length, MAX_REPORTED_MEMBERS + 1);
  }
  let earlierElsewhere = false;
  for (const [sourceId, source] of entry.sources) {
    if (sourceId !== article.sourceId && source.first < article.publishedAt) earlierElsewhere = true;
  }
  const sameSource = entry.sources.get(article.sourceId)?.members ?? 0;
  return {
    clusterId: cluster.id,
    distinctSources: entry.sources.size,
    isFirstReport: !earlierElsewhere,
    addedSource: joined && sameSource <= 1,
    onlyOfItsSource: sameSource <= 1,
    otherMemberIds: entry.latest
      .filter((m) => m.id !== article.id)
      .slice(0, MAX_REPORTED_MEMBERS)
      .map((m) => m.id),
  };
}

/** The writes of a call: new clusters, the articles' cluster ids, the touched clusters' figures (three statements). */
async function writeAssignments(
  tx: Tx,
  steps: Step[],
  opened: CandidateCluster[],
  figures: Map<number, ClusterFigures>,
): Promise<void> {
  const now = new Date().toISOString();
  const touched = [...new Set(steps.map((s) => s.cluster))].filter((c) => !opened.includes(c));
  const values = (clusters: CandidateCluster[]) => {
    const rows = clusters.map((c) => figures.get(c.id));
    return {
      ids: clusters.map((c) => c.id),
      titles: clusters.map((c) => c.title),
      prints: clusters.map((c) => (c.printsChanged ? serializeClusterPrints(c.prints) : null)),
      // PostgreSQL array literals: one array per cluster through unnest.
      companies: clusters.map((c) => `{${c.companies.join(',')}}`),
      articles: rows.map((f) => f?.articles ?? 0),
      sources: rows.map((f) => f?.sources.size ?? 0),
      firsts: clusters.map((c, i) => (rows[i]?.first ?? c.firstSeenAt).toISOString()),
      lasts: clusters.map((c, i) => (rows[i]?.last ?? c.lastSeenAt).toISOString()),
    };
  };
  if (opened.length > 0) {
    const v = values(opened);
    await tx.$executeRaw`
      INSERT INTO "StoryCluster" ("id", "title", "firstSeenAt", "lastSeenAt", "fingerprint", "articleCount", "sourceCount", "companyIds")
      SELECT id, title, first, last, prints, articles, sources, companies::int[]
      FROM unnest(${v.ids}::int[], ${v.titles}::text[], ${v.firsts}::timestamp[], ${v.lasts}::timestamp[],
                  ${v.prints}::text[], ${v.articles}::int[], ${v.sources}::int[], ${v.companies}::text[])
             AS v(id, title, first, last, prints, articles, sources, companies)`;
  }
  const joins = steps.filter((s) => s.joined);
  if (joins.length > 0) {
    await tx.$executeRaw`
      UPDATE "Article" a SET "clusterId" = v.cluster, "updatedAt" = ${now}::timestamp
      FROM unnest(${joins.map((s) => s.article.id)}::int[], ${joins.map((s) => s.cluster.id)}::int[]) AS v(id, cluster)
      WHERE a.id = v.id`;
  }
  if (touched.length > 0) {
    const v = values(touched);
    await tx.$executeRaw`
      UPDATE "StoryCluster" c
      SET "fingerprint" = coalesce(v.prints, c."fingerprint"), "articleCount" = v.articles,
          "sourceCount" = v.sources, "firstSeenAt" = v.first, "lastSeenAt" = v.last,
          "companyIds" = ARRAY(SELECT DISTINCT unnest(coalesce(c."companyIds", '{}') || v.companies::int[]) ORDER BY 1)
      FROM unnest(${v.ids}::int[], ${v.prints}::text[], ${v.articles}::int[], ${v.sources}::int[],
                  ${v.firsts}::timestamp[], ${v.lasts}::timestamp[], ${v.companies}::text[])
             AS v(id, prints, articles, sources, first, last, companies)
      WHERE c.id = v.id`;
  }
}
