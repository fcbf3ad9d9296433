import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { assignStoryCluster, MAX_REPORTED_MEMBERS } from './assign-story-cluster.js';

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
        url: `https://news.example/${i}`,
        canonicalUrl: `https://news.example/${i}`,
        urlKey: `news.example/${i}`,
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
});
