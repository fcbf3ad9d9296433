import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { SANITIZER_VERSION } from '@wirelens/core/html';
import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { countStaleArticles, resanitizeArticles, type ResanitizeProgress } from './resanitize-articles.js';

let test: TestDatabase;

beforeEach(async () => {
  test = await createTestDatabase();
});

afterEach(async () => {
  await test.drop();
});

/** Stores an article the way an older Wirelens would have: straight SQL, with the given sanitiser version. */
async function storeArticle(
  slug: string,
  html: string | null,
  text: string | null,
  version = 0,
): Promise<number> {
  const rows = await test.db.$queryRaw<{ id: number }[]>`
    INSERT INTO "Article" ("sourceId", "canonicalUrl", "urlKey", url, title, "publishedAt", "updatedAt",
                           "contentHtml", "contentText", "contentHash", "sanitizerVersion")
    SELECT s.id, ${`https://news.example/${slug}`}, ${`news.example/${slug}`}, ${`https://news.example/${slug}`},
           ${slug}, now(), now(), ${html}, ${text}, ${slug}, ${version}
    FROM "Source" s LIMIT 1
    RETURNING id`;
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('no source to store the article under');
  return id;
}

async function article(id: number) {
  return test.db.article.findUniqueOrThrow({
    where: { id },
    select: { contentHtml: true, contentText: true, sanitizerVersion: true, updatedAt: true },
  });
}

const auditEntries = () =>
  test.db.auditEntry.findMany({ where: { action: 'article.resanitize' }, orderBy: { id: 'asc' } });

/** Three stale rows the current sanitiser changes, one it leaves alone, one without HTML, one already current. */
async function storeFixture() {
  await test.db.source.create({ data: { url: 'https://news.example/feed' } });
  return {
    onerror: await storeArticle(
      'onerror',
      '<p>Chart <img src="https://news.example/c.png" onerror="alert(1)"></p>',
      'old text',
    ),
    scriptLink: await storeArticle(
      'script-link',
      '<p>Read <a href="javascript:alert(1)">the filing</a> now</p>',
      'old text',
    ),
    styled: await storeArticle('styled', '<p style="x">Plain words</p><script>steal()</script>', 'old text'),
    clean: await storeArticle('clean', '<p>Already <em>clean</em></p>', 'text kept as stored'),
    empty: await storeArticle('empty', null, null),
    current: await storeArticle(
      'current',
      '<p onclick="x">stamped current</p>',
      'current text',
      SANITIZER_VERSION,
    ),
  };
}

describe('resanitizeArticles', () => {
  it('cleans HTML stored by an older sanitiser, recomputing text only where the HTML changed', async () => {
    const ids = await storeFixture();
    const progress: ResanitizeProgress[] = [];

    const result = await resanitizeArticles({
      db: test.db,
      via: 'cli',
      batchSize: 2,
      onProgress: (step) => progress.push(step),
    });

    expect(result).toEqual({
      scanned: 5,
      changed: 3,
      total: 5,
      sanitizerVersion: SANITIZER_VERSION,
      dryRun: false,
      remaining: 0,
    });
    expect(progress).toEqual([
      { scanned: 2, changed: 2, total: 5 },
      { scanned: 4, changed: 3, total: 5 },
      { scanned: 5, changed: 3, total: 5 },
    ]);
    expect(await article(ids.onerror)).toMatchObject({
      contentHtml: '<p>Chart <img src="https://news.example/c.png"></p>',
      contentText: 'Chart',
      sanitizerVersion: SANITIZER_VERSION,
    });
    expect(await article(ids.scriptLink)).toMatchObject({
      contentHtml: '<p>Read the filing now</p>',
      contentText: 'Read the filing now',
    });
    expect(await article(ids.styled)).toMatchObject({
      contentHtml: '<p>Plain words</p>',
      contentText: 'Plain words',
    });
    expect(await article(ids.clean)).toMatchObject({
      contentHtml: '<p>Already <em>clean</em></p>',
      contentText: 'text kept as stored',
      sanitizerVersion: SANITIZER_VERSION,
    });
    expect(await article(ids.empty)).toMatchObject({
      contentHtml: null,
      sanitizerVersion: SANITIZER_VERSION,
    });
    // A row already at the current version is not this run's business, whatever it holds.
    expect((await article(ids.current)).contentHtml).toBe('<p onclick="x">stamped current</p>');

    const audit = await auditEntries();
    expect(audit.map((entry) => entry.after)).toEqual([
      expect.objectContaining({
        via: 'cli',
        scanned: 2,
        changed: 2,
        changedIds: [ids.onerror, ids.scriptLink],
      }),
      expect.objectContaining({ scanned: 2, changed: 1, changedIds: [ids.styled] }),
      expect.objectContaining({ scanned: 1, changed: 0, changedIds: [] }),
    ]);
    expect(audit.every((entry) => entry.actorId === null && entry.entityType === 'Article')).toBe(true);
  });

  it('changes nothing when run a second time', async () => {
    const ids = await storeFixture();
    await resanitizeArticles({ db: test.db, via: 'job' });
    const before = await Promise.all(Object.values(ids).map(article));
    const entries = (await auditEntries()).length;

    const again = await resanitizeArticles({ db: test.db, via: 'job' });

    expect(again).toMatchObject({ scanned: 0, changed: 0, total: 0 });
    expect(await Promise.all(Object.values(ids).map(article))).toEqual(before);
    expect(await auditEntries()).toHaveLength(entries);
  });

  it('counts what would change in a dry run without writing', async () => {
    const ids = await storeFixture();
    const before = await Promise.all(Object.values(ids).map(article));

    const dry = await resanitizeArticles({ db: test.db, via: 'cli', dryRun: true, batchSize: 2 });

    expect(dry).toMatchObject({ scanned: 5, changed: 3, total: 5, dryRun: true });
    expect(await Promise.all(Object.values(ids).map(article))).toEqual(before);
    expect(await auditEntries()).toHaveLength(0);
  });

  it('resumes after an interruption from the rows it had not committed', async () => {
    const ids = await storeFixture();
    const interrupted = resanitizeArticles({
      db: test.db,
      via: 'job',
      batchSize: 2,
      onProgress: () => {
        throw new Error('stopped');
      },
    });
    await expect(interrupted).rejects.toThrow('stopped');
    expect((await article(ids.onerror)).sanitizerVersion).toBe(SANITIZER_VERSION);
    expect((await article(ids.styled)).sanitizerVersion).toBe(0);

    const resumed = await resanitizeArticles({ db: test.db, via: 'job', batchSize: 2 });

    expect(resumed).toMatchObject({ total: 3, scanned: 3, changed: 1 });
    expect((await article(ids.styled)).contentHtml).toBe('<p>Plain words</p>');
    expect(await auditEntries()).toHaveLength(3);
  });

  it('stops after a slice of rows and says how many are left', async () => {
    const ids = await storeFixture();

    const slice = await resanitizeArticles({ db: test.db, via: 'job', batchSize: 2, maxRows: 2 });

    expect(slice).toMatchObject({ scanned: 2, total: 5, remaining: 3 });
    expect((await article(ids.styled)).sanitizerVersion).toBe(0);
    expect(await countStaleArticles({ db: test.db })).toBe(3);
    const rest = await resanitizeArticles({ db: test.db, via: 'job', batchSize: 2, maxRows: 10 });
    expect(rest).toMatchObject({ scanned: 3, remaining: 0 });
    expect(await countStaleArticles({ db: test.db })).toBe(0);
  });

  it.each([
    {
      kind: 'strips bidi controls',
      version: 1,
      stored: {
        html: '<p>Shares \u202efell</p>',
        text: 'Shares \u202efell',
        title: 'Acme \u202eadmits fraud\u202c',
        excerpt: '\u2067Shares fell\u2069',
        author: 'Jane\u202d Doe',
      },
      cleaned: {
        contentHtml: '<p>Shares fell</p>',
        contentText: 'Shares fell',
        title: 'Acme admits fraud',
        excerpt: 'Shares fell',
        author: 'Jane Doe',
      },
      untouchedHtml: '<p>שלום</p>',
    },
    {
      kind: 'repairs mojibake',
      version: 2,
      stored: {
        html: '<p>Profit of Â£1.2bn â€“ a record</p>',
        text: 'old text',
        title: 'Deutsche BÃ¶rse beats',
        excerpt: 'itâ€™s a record',
        author: 'FranÃ§ois Dupont',
      },
      cleaned: {
        contentHtml: '<p>Profit of £1.2bn – a record</p>',
        contentText: 'Profit of £1.2bn – a record',
        title: 'Deutsche Börse beats',
        excerpt: 'it’s a record',
        author: 'François Dupont',
      },
      untouchedHtml: '<p>Société Générale, São Paulo, „Gruß“</p>',
    },
  ])(
    '$kind that older versions stored in titles, excerpts, authors and HTML',
    async ({ version, stored, cleaned, untouchedHtml }) => {
      await test.db.source.create({ data: { url: 'https://news.example/feed' } });
      const id = await storeArticle('stale', stored.html, stored.text, version);
      await test.db.article.update({
        where: { id },
        data: { title: stored.title, excerpt: stored.excerpt, author: stored.author },
      });
      const untouched = await storeArticle('clean', untouchedHtml, 'x', version);

      const result = await resanitizeArticles({ db: test.db, via: 'job' });

      expect(result).toMatchObject({ scanned: 2, changed: 1 });
      expect(
        await test.db.article.findUniqueOrThrow({
          where: { id },
          select: { title: true, excerpt: true, author: true, contentHtml: true, contentText: true },
        }),
      ).toEqual(cleaned);
      expect(await article(untouched)).toMatchObject({
        contentHtml: untouchedHtml,
        sanitizerVersion: SANITIZER_VERSION,
      });
    },
  );
});
