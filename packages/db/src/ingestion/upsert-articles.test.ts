import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ArticleDraft } from '@wirelens/core/ingest';

import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { upsertArticles } from './upsert-articles.js';

let test: TestDatabase;
let statements: string[];
let sourceId: number;
let otherSourceId: number;

beforeEach(async () => {
  statements = [];
  test = await createTestDatabase({ onQuery: (sql) => statements.push(sql) });
  sourceId = (await test.db.source.create({ data: { url: 'https://one.example.com/feed' } })).id;
  otherSourceId = (await test.db.source.create({ data: { url: 'https://two.example.com/feed' } })).id;
});

afterEach(() => test.drop());

/** A feed teaser about `/a/<n>`; `overrides` changes what the feed says about it. */
function draft(n: number, overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  const title = overrides.title ?? `Story ${n}`;
  return {
    guid: `guid-${n}`,
    url: `https://news.example.com/a/${n}?utm_source=feed`,
    canonicalUrl: `https://news.example.com/a/${n}`,
    urlKey: `news.example.com/a/${n}`,
    title,
    author: null,
    publishedAt: new Date(Date.UTC(2026, 10, n, 9, 30, 15, 250)),
    imageUrl: null,
    excerpt: `Teaser ${n}`,
    contentHtml: `<p>Teaser ${n}</p>`,
    sanitizerVersion: 3,
    contentText: `Teaser ${n}`,
    fullTextStatus: 'PENDING',
    language: 'en',
    contentHash: `hash-${title}-${overrides.contentText ?? `Teaser ${n}`}`,
    ...overrides,
  };
}

const upsert = (drafts: ArticleDraft[], source = sourceId) =>
  upsertArticles({ db: test.db, sourceId: source, drafts });

const articles = () => test.db.article.findMany({ orderBy: { id: 'asc' }, include: { titleHistory: true } });

describe('upsertArticles', () => {
  it('stores new items as the feed gave them, once per URL key, in one statement', async () => {
    const full = draft(2, {
      guid: null,
      author: 'Ann Writer',
      imageUrl: 'https://img.example.com/2.jpg',
      contentHtml: '<p>The whole story, with "quotes" and \\ backslashes</p>',
      contentText: 'The whole story, with "quotes" and \\ backslashes',
      fullTextStatus: 'FROM_FEED',
      language: null,
    });
    const before = Date.now();
    statements.length = 0;
    const result = await upsert([draft(1), full, draft(3), { ...draft(1), title: 'Repeated item' }]);
    expect(statements).toHaveLength(1);

    const stored = await articles();
    expect(result).toEqual({
      created: stored.map((a) => ({ id: a.id, fullTextStatus: a.fullTextStatus })),
      updated: [],
      unchanged: 0,
    });
    expect(stored.map((a) => a.title)).toEqual(['Story 1', 'Story 2', 'Story 3']);
    const row = stored[1];
    expect(row).toMatchObject({
      sourceId,
      guid: null,
      url: full.url,
      canonicalUrl: full.canonicalUrl,
      urlKey: full.urlKey,
      author: 'Ann Writer',
      publishedAt: full.publishedAt,
      imageUrl: full.imageUrl,
      excerpt: 'Teaser 2',
      contentHtml: full.contentHtml,
      sanitizerVersion: 3,
      contentText: full.contentText,
      fullTextStatus: 'FROM_FEED',
      language: null,
      contentHash: full.contentHash,
      titleHistory: [],
    });
    expect(row?.fetchedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row?.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // Searchable like any other article (the trigger filled the search vector).
    const found = await test.db.$queryRaw<{ id: number }[]>`
      SELECT id FROM "Article" WHERE "searchVector" @@ plainto_tsquery('english', 'backslashes')`;
    expect(found.map((f) => f.id)).toEqual([stored[1]?.id]);
  });

  it('counts an unchanged item as unchanged and updates a changed one, keeping its old title', async () => {
    await upsert([draft(1), draft(2), draft(3)]);
    const [one, two, three] = await articles();

    const result = await upsert([
      draft(1),
      draft(2, { title: 'Story 2, updated', author: 'Ann Writer' }),
      draft(3, { contentText: 'A longer teaser', contentHtml: '<p>A longer teaser</p>' }),
    ]);
    expect(result).toEqual({
      created: [],
      updated: [
        { id: two?.id, fullTextStatus: 'PENDING' },
        { id: three?.id, fullTextStatus: 'PENDING' },
      ],
      unchanged: 1,
    });
    const after = await articles();
    expect(after[0]).toEqual(one);
    expect(after[1]).toMatchObject({ title: 'Story 2, updated', author: 'Ann Writer' });
    expect(after[1]?.titleHistory.map((h) => h.title)).toEqual(['Story 2']);
    expect(after[1]?.updatedAt.getTime()).toBeGreaterThan(two?.updatedAt.getTime() ?? Infinity);
    expect(after[2]).toMatchObject({ title: 'Story 3', contentText: 'A longer teaser', titleHistory: [] });

    expect(await upsert([draft(1), draft(2, { title: 'Story 2, updated', author: 'Ann Writer' })])).toEqual({
      created: [],
      updated: [],
      unchanged: 2,
    });
  });

  it('finds an article by its GUID in this source even when its link changed, by URL key from anywhere', async () => {
    await upsert([draft(1)]);
    const [original] = await articles();

    // Same GUID, new link and title: the same article, its URL left as it was.
    const moved = draft(9, { guid: 'guid-1', title: 'Story 1, moved' });
    expect(await upsert([moved])).toMatchObject({ created: [], updated: [{ id: original?.id }] });
    expect((await articles())[0]).toMatchObject({ title: 'Story 1, moved', urlKey: original?.urlKey });

    // Another source: its GUIDs are its own, but the same URL key is the same article.
    const elsewhere = await upsert(
      [
        draft(5, { guid: 'guid-1' }),
        draft(1, { guid: 'x', title: 'Story 1, moved', contentHash: moved.contentHash }),
      ],
      otherSourceId,
    );
    expect(elsewhere).toMatchObject({ updated: [], unchanged: 1 });
    expect(elsewhere.created).toHaveLength(1);
    expect((await articles()).map((a) => [a.sourceId, a.urlKey])).toEqual([
      [sourceId, 'news.example.com/a/1'],
      [otherSourceId, 'news.example.com/a/5'],
    ]);
  });

  it('lets the first of several items about one article count', async () => {
    await upsert([draft(1), draft(2)]);
    const [one] = await articles();
    // Item A carries article 1's GUID with a new link, item B article 1's own link.
    const result = await upsert([
      draft(7, { guid: 'guid-1', title: 'First says' }),
      draft(1, { guid: 'other', title: 'Second says' }),
    ]);
    expect(result).toEqual({
      created: [],
      updated: [{ id: one?.id, fullTextStatus: 'PENDING' }],
      unchanged: 1,
    });
    const after = await articles();
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ title: 'First says' });
    expect(after[0]?.titleHistory.map((h) => h.title)).toEqual(['Story 1']);

    // Two new items with one GUID: the first is stored, the second skipped.
    expect(await upsert([draft(3, { guid: 'dup' }), draft(4, { guid: 'dup' })])).toMatchObject({
      updated: [],
      unchanged: 1,
    });
    expect((await articles()).filter((a) => a.guid === 'dup').map((a) => a.title)).toEqual(['Story 3']);
  });

  it('keeps text extracted from the page while the feed still carries a teaser', async () => {
    await upsert([draft(1)]);
    const [article] = await articles();
    await test.db.article.update({
      where: { id: article?.id },
      data: {
        fullTextStatus: 'EXTRACTED',
        contentText: 'The page text',
        contentHtml: '<p>The page text</p>',
        sanitizerVersion: 4,
      },
    });

    expect(await upsert([draft(1, { title: 'Story 1, retitled' })])).toMatchObject({
      updated: [{ id: article?.id, fullTextStatus: 'EXTRACTED' }],
    });
    expect((await articles())[0]).toMatchObject({
      title: 'Story 1, retitled',
      contentText: 'The page text',
      contentHtml: '<p>The page text</p>',
      sanitizerVersion: 4,
      fullTextStatus: 'EXTRACTED',
    });

    const full = { contentText: 'Full text in the feed', contentHtml: '<p>Full text in the feed</p>' };
    expect(
      await upsert([draft(1, { ...full, title: 'Story 1, retitled', fullTextStatus: 'FROM_FEED' })]),
    ).toMatchObject({
      updated: [{ id: article?.id, fullTextStatus: 'FROM_FEED' }],
    });
    expect((await articles())[0]).toMatchObject({
      ...full,
      sanitizerVersion: 3,
      fullTextStatus: 'FROM_FEED',
    });
  });

  it('stores each article once when two workers store the same items at the same time', async () => {
    const drafts = Array.from({ length: 40 }, (_, i) => draft(i + 1));
    const [a, b] = await Promise.all([upsert(drafts), upsert(drafts)]);
    expect((a?.created.length ?? 0) + (b?.created.length ?? 0)).toBe(40);
    expect((a?.unchanged ?? 0) + (b?.unchanged ?? 0)).toBe(40);
    expect(await test.db.article.count()).toBe(40);
  });

  it('runs afterWrite in the transaction of the write: a failure there keeps no article', async () => {
    await expect(
      upsertArticles({
        db: test.db,
        sourceId,
        drafts: [draft(1), draft(2)],
        afterWrite: async (tx, stored) => {
          expect(stored.created).toHaveLength(2);
          expect(await tx.article.count()).toBe(2);
          throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    expect(await test.db.article.count()).toBe(0);

    const seen: number[] = [];
    const stored = await upsertArticles({
      db: test.db,
      sourceId,
      drafts: [draft(1), draft(2)],
      afterWrite: async (tx, { created }) => {
        seen.push(...created.map((a) => a.id));
        await tx.fetchLog.create({ data: { sourceId, startedAt: new Date(), durationMs: 1 } });
      },
    });
    expect(seen).toEqual(stored.created.map((a) => a.id));
    expect(await test.db.article.count()).toBe(2);
    expect(await test.db.fetchLog.count()).toBe(1);
  });
});
