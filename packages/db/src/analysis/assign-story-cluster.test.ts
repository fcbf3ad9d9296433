import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { DbClient } from '../client.js';
import { articleUrls, createTestDatabase, type TestDatabase } from '../testing/index.js';
import {
  assignStoryCluster,
  assignStoryClusters,
  MAX_REPORTED_MEMBERS,
  type StoryCoverage,
} from './assign-story-cluster.js';

let test: TestDatabase;

beforeEach(async () => {
  test = await createTestDatabase();
});

afterEach(async () => {
  await test.drop();
});

describe('assignStoryCluster', () => {
  it('sums up a large story in one bounded answer: all members counted, only the latest named', async () => {
    const sources = await Promise.all(
      ['a', 'b', 'c'].map((key) =>
        test.db.source.create({ data: { url: `https://${key}.example/feed.xml`, title: key } }),
      ),
    );
    const start = new Date('2026-11-20T00:00:00Z');
    const cluster = await test.db.storyCluster.create({
      data: { title: 'A long-running story', firstSeenAt: start, lastSeenAt: start },
    });
    const members = 3 * MAX_REPORTED_MEMBERS;
    await test.db.article.createMany({
      data: Array.from({ length: members }, (_, i) => ({
        sourceId: sources[i % sources.length]?.id ?? 0,
        ...articleUrls('news.example', String(i)),
        title: `Report ${i}`,
        publishedAt: new Date(start.getTime() + i * 60_000),
        contentHash: `hash-${i}`,
        clusterId: cluster.id,
      })),
    });
    const last = await test.db.article.findFirstOrThrow({ where: { title: `Report ${members - 1}` } });

    const coverage = await assignStoryCluster({ db: test.db, articleId: last.id, companyIds: [] });

    expect(coverage.clusterId).toBe(cluster.id);
    expect(coverage.distinctSources).toBe(3);
    expect(coverage.isFirstReport).toBe(false);
    expect(coverage.addedSource).toBe(false);
    const latest = await test.db.article.findMany({
      where: { clusterId: cluster.id, id: { not: last.id } },
      orderBy: { publishedAt: 'desc' },
      take: MAX_REPORTED_MEMBERS,
      select: { id: true },
    });
    expect(coverage.otherMemberIds).toEqual(latest.map((a) => a.id));
    const stored = await test.db.storyCluster.findUniqueOrThrow({ where: { id: cluster.id } });
    expect(stored.articleCount).toBe(members);
    expect(stored.sourceCount).toBe(3);
    expect(stored.lastSeenAt).toEqual(last.publishedAt);
  });

  it('places a batch in one call exactly as one call per article would', async () => {
    // Two stories told by three sources, a third story alone, and an article assigned twice:
    // the later articles join clusters the earlier ones of the same call opened.
    const stories = [
      {
        key: 'chip',
        title: 'Chipmaker Nordlicht cuts 2026 guidance to $4.2 billion after weak orders',
        body: 'Orders for memory chips fell sharply in the third quarter, Nordlicht said, and revenue will reach only $4.2 billion; the shares dropped 7.5% in Frankfurt.',
      },
      {
        key: 'bank',
        title: 'Harbor Bank raises dividend by 12% as profit climbs to $890 million',
        body: 'Lending margins widened and deposit costs stayed flat, lifting quarterly profit at Harbor Bank to $890 million; its board approved a dividend 12% higher.',
      },
      {
        key: 'ship',
        title: 'Shipping line Meridian orders six container vessels for $1.1 billion',
        body: 'Meridian signed contracts with two Korean yards for six dual-fuel container vessels worth $1.1 billion, to be delivered between 2028 and 2029.',
      },
    ];
    const plan = [
      { story: 0, source: 0, minutes: 0 },
      { story: 1, source: 1, minutes: 5 },
      { story: 0, source: 1, minutes: 10 },
      { story: 0, source: 0, minutes: 15 },
      { story: 2, source: 2, minutes: 20 },
      { story: 1, source: 2, minutes: 25 },
      { story: 0, source: 2, minutes: 3 },
    ];
    const start = new Date('2026-11-20T08:00:00Z');
    async function setUp(db: DbClient): Promise<number[]> {
      const sources = await Promise.all(
        ['a', 'b', 'c'].map((key) =>
          db.source.create({ data: { url: `https://${key}.example/feed.xml`, title: key } }),
        ),
      );
      const ids: number[] = [];
      for (const [i, { story, source, minutes }] of plan.entries()) {
        const { key, title, body } = stories[story] ?? { key: 'x', title: 'x', body: 'x' };
        const article = await db.article.create({
          data: {
            sourceId: sources[source]?.id ?? 0,
            ...articleUrls('news.example', `${key}/${i}`),
            title,
            contentText: body,
            publishedAt: new Date(start.getTime() + minutes * 60_000),
            contentHash: `hash-${i}`,
          },
        });
        ids.push(article.id);
      }
      return ids;
    }
    const requests = (ids: number[]) => [
      ...ids.map((articleId) => ({ articleId, companyIds: [] })),
      { articleId: ids[2] ?? 0, companyIds: [] },
    ];
    async function outcome(db: DbClient, coverages: StoryCoverage[], ids: number[]) {
      // Cluster ids differ between the databases: name each cluster by its first member's position.
      const members = await db.article.findMany({ select: { id: true, clusterId: true } });
      const clusterOf = new Map(members.map((m) => [m.id, m.clusterId]));
      const name = (clusterId: number | null) =>
        ids.findIndex((id) => clusterOf.get(id) === clusterId && clusterId !== null);
      const position = (id: number) => ids.indexOf(id);
      const clusters = await db.storyCluster.findMany({ orderBy: { id: 'asc' } });
      return {
        coverages: coverages.map((c) => ({
          ...c,
          clusterId: name(c.clusterId),
          otherMemberIds: c.otherMemberIds.map(position),
        })),
        articles: ids.map((id) => name(clusterOf.get(id) ?? null)),
        clusters: clusters
          .map((c) => ({
            name: name(c.id),
            articleCount: c.articleCount,
            sourceCount: c.sourceCount,
            firstSeenAt: c.firstSeenAt,
            lastSeenAt: c.lastSeenAt,
            fingerprint: c.fingerprint,
          }))
          .sort((a, b) => a.name - b.name),
      };
    }

    const batchIds = await setUp(test.db);
    const batched = await assignStoryClusters({ db: test.db, articles: requests(batchIds) });
    const other = await createTestDatabase();
    try {
      const oneByOneIds = await setUp(other.db);
      const oneByOne: StoryCoverage[] = [];
      for (const request of requests(oneByOneIds)) {
        oneByOne.push(await assignStoryCluster({ db: other.db, ...request }));
      }
      const expected = await outcome(other.db, oneByOne, oneByOneIds);
      expect(await outcome(test.db, batched, batchIds)).toEqual(expected);
      // The stories came out as told: three clusters, the chip story across all three sources.
      expect(expected.articles).toEqual([0, 1, 0, 0, 4, 1, 0]);
      expect(expected.clusters.map((c) => [c.name, c.articleCount, c.sourceCount])).toEqual([
        [0, 4, 3],
        [1, 2, 2],
        [4, 1, 1],
      ]);
    } finally {
      await other.drop();
    }
  });

  it('sees the companies of a placed batch whose analyses are not stored yet (a concurrent worker slot)', async () => {
    const source = await test.db.source.create({ data: { url: 'https://a.example/feed.xml', title: 'a' } });
    const publishedAt = new Date('2026-11-20T08:00:00Z');
    // One template filled in for two companies: the same wording, different stories.
    const [first, second] = await Promise.all(
      [1, 2].map((i) =>
        test.db.article.create({
          data: {
            sourceId: source.id,
            ...articleUrls('news.example', String(i)),
            title: 'Company reports quarterly revenue beating estimates and raises its full-year guidance',
            contentText:
              'The company said revenue rose in the quarter, ahead of analyst expectations. Profit margins improved and the company raised its full-year guidance.',
            publishedAt,
            contentHash: `hash-${i}`,
          },
        }),
      ),
    );
    // No ArticleCompany rows: the first batch's runs are still being stored when the second is placed.
    const a = await assignStoryCluster({ db: test.db, articleId: first?.id ?? 0, companyIds: [101] });
    const b = await assignStoryCluster({ db: test.db, articleId: second?.id ?? 0, companyIds: [202] });
    expect(b.clusterId).not.toBe(a.clusterId);
    const stored = await test.db.storyCluster.findUniqueOrThrow({ where: { id: a.clusterId } });
    expect(stored.companyIds).toEqual([101]);
  });
});
