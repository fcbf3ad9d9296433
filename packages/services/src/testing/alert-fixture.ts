import type { DbClient } from '@wirelens/db';
import { articleUrls } from '@wirelens/db/testing';

/** A company, an article about it and an article rule of `ownerId`'s on the company: what a firing needs. */
export async function createAlertFixture(db: DbClient, ownerId: number, slug = 'nvidia') {
  const company = await db.company.create({ data: { slug, name: slug === 'nvidia' ? 'Nvidia' : slug } });
  const source = await db.source.create({
    data: { url: `https://wire.example/${slug}/feed`, title: 'Wire' },
  });
  const article = await db.article.create({
    data: {
      sourceId: source.id,
      ...articleUrls('wire.example', `${slug}-falls`),
      title: 'Nvidia falls',
      publishedAt: new Date(),
      contentHash: 'h',
    },
  });
  const rule = await db.alertRule.create({
    data: { ownerId, name: 'Nvidia news', kind: 'ARTICLE', params: {}, companyId: company.id },
  });
  return { rule, article, company };
}
