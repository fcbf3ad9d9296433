import { z } from 'zod';

/** Shape of the bundled demo content (packages/db/prisma/seed-data/demo-articles.json). */
export const demoContentSchema = z.object({
  notice: z.string(),
  sources: z.array(
    z.object({
      key: z.string().regex(/^[a-z0-9-]+$/),
      title: z.string(),
      description: z.string(),
      language: z.string(),
    }),
  ),
  articles: z.array(
    z.object({
      key: z.string().regex(/^[a-z0-9-]+$/),
      source: z.string(),
      story: z.string(),
      hoursAgo: z.number().min(0),
      title: z.string(),
      author: z.string(),
      teaser: z.string(),
      body: z.array(z.string()).min(1),
      companies: z.array(z.string()),
      topics: z.array(z.string()),
      tone: z.string(),
    }),
  ),
});

export type DemoContent = z.infer<typeof demoContentSchema>;
export type DemoArticle = DemoContent['articles'][number];
