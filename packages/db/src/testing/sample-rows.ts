import pg from 'pg';

/**
 * A small but complete Wirelens data set in plain SQL: sources with fetch logs, articles (one with
 * a title history) in a story cluster, analyses, company and topic links, sentiment buckets, users
 * with a session and an API token, editors' corrections and audit entries.
 *
 * Written against the PREVIOUS release's schema (see `previous-release.ts`), so upgrade tests can
 * load it before migrating; it stays valid on the current schema because migrations only add
 * columns with defaults. Update it when a release changes what an insert needs.
 */
const SAMPLE_ROWS_SQL = `
INSERT INTO "User" ("email", "name", "passwordHash", "role", "updatedAt") VALUES
  ('admin@example.com', 'Ada Admin', 'scrypt$1$aaaa$bbbb', 'ADMIN', now()),
  ('editor@example.com', 'Ed Editor', 'scrypt$1$cccc$dddd', 'EDITOR', now()),
  ('viewer@example.com', NULL, 'scrypt$1$eeee$ffff', 'VIEWER', now());

INSERT INTO "Session" ("tokenHash", "userId", "expiresAt", "userAgent", "ip")
  SELECT 'session-hash-1', "id", now() + interval '30 days', 'Mozilla/5.0', '127.0.0.1' FROM "User" WHERE "email" = 'editor@example.com';
INSERT INTO "ApiToken" ("userId", "name", "prefix", "tokenHash")
  SELECT "id", 'reporting', 'wl_abcd', 'token-hash-1' FROM "User" WHERE "email" = 'admin@example.com';

INSERT INTO "Source" ("url", "title", "siteUrl", "format", "intervalSeconds", "isDemo", "etag", "lastSuccessAt", "updatedAt", "createdById")
  SELECT 'https://news.example.com/feed.xml', 'Example News', 'https://news.example.com', 'RSS2', 900, false, '"v1"', now(), now(), "id"
  FROM "User" WHERE "email" = 'admin@example.com';
INSERT INTO "Source" ("url", "title", "format", "status", "consecutiveFailures", "lastError", "updatedAt") VALUES
  ('https://markets.example.org/atom', 'Markets Daily', 'ATOM', 'PAUSED', 3, 'HTTP 503', now());

INSERT INTO "FetchLog" ("sourceId", "durationMs", "httpStatus", "itemsSeen", "itemsNew")
  SELECT "id", 120, 200, 12, 12 FROM "Source";

INSERT INTO "Company" ("slug", "name", "legalName", "domain", "sector", "prominence", "updatedAt") VALUES
  ('acme', 'Acme', 'Acme Corporation', 'acme.example', 'Industrials', 2, now()),
  ('globex', 'Globex', NULL, 'globex.example', 'Technology', 3, now());
INSERT INTO "CompanyAlias" ("companyId", "alias", "normalized") SELECT "id", "name" || ' Corp', lower("name") || ' corp' FROM "Company";
INSERT INTO "CompanyTicker" ("companyId", "symbol", "exchange") SELECT "id", upper("slug"), 'NYSE' FROM "Company";
INSERT INTO "Topic" ("slug", "name", "kind") VALUES ('earnings', 'Earnings', 'TAXONOMY'), ('supply-chain', 'Supply chain', 'EDITOR');

INSERT INTO "StoryCluster" ("title", "firstSeenAt", "lastSeenAt", "articleCount", "sourceCount", "fingerprint")
  VALUES ('Acme beats estimates', now() - interval '2 days', now() - interval '1 day', 12, 2, 'fp-acme');

INSERT INTO "Article" ("sourceId", "guid", "canonicalUrl", "urlKey", "url", "title", "author", "publishedAt", "updatedAt",
                       "excerpt", "contentHtml", "contentText", "fullTextStatus", "language", "contentHash", "clusterId")
  SELECT s."id", 'guid-' || n, 'https://news.example.com/story-' || n, 'news.example.com/story-' || n,
         'https://news.example.com/story-' || n || '?utm_source=rss', 'Acme quarterly results, part ' || n, 'Reporter ' || n,
         now() - (n || ' hours')::interval, now(), 'Acme reported results.', '<p>Acme reported record revenue in quarter ' || n || '.</p>',
         'Acme reported record revenue in quarter ' || n || '.', 'FROM_FEED', 'en', md5('article-' || n), c."id"
  FROM generate_series(1, 12) AS n
  CROSS JOIN (SELECT "id" FROM "Source" ORDER BY "id" LIMIT 1) s
  CROSS JOIN (SELECT "id" FROM "StoryCluster" LIMIT 1) c;
INSERT INTO "ArticleTitleHistory" ("articleId", "title") SELECT "id", 'Acme results (draft headline)' FROM "Article" WHERE "guid" = 'guid-1';

INSERT INTO "Analysis" ("articleId", "analyzer", "analyzerVersion", "sentimentLabel", "sentimentScore", "confidence", "importance",
                        "importanceFactors", "summary", "paragraphs", "takeaways", "companies", "topics", "eventTypes", "language", "durationMs")
  SELECT "id", 'builtin', '1.0.0', 'SOMEWHAT_BULLISH', 0.4, 0.8, 6, '{"coverage": 2, "event": 3}',
         'Acme beat estimates.', ARRAY['Acme beat estimates.', 'Revenue rose.'], ARRAY['Revenue up', 'Guidance raised', 'Margins steady'],
         '[{"companyId": "acme", "relevance": 0.9, "sentimentScore": 0.4}]', '[{"slug": "earnings", "relevance": 0.8}]',
         ARRAY['earnings'], 'en', 12
  FROM "Article";
UPDATE "Article" a SET "latestAnalysisId" = an."id", "sentimentLabel" = an."sentimentLabel", "sentimentScore" = an."sentimentScore",
                       "confidence" = an."confidence", "importance" = an."importance", "analyzedAt" = an."createdAt"
  FROM "Analysis" an WHERE an."articleId" = a."id";

INSERT INTO "ArticleCompany" ("articleId", "companyId", "relevance", "sentimentScore", "mentions", "sentences", "publishedAt")
  SELECT a."id", c."id", 0.9, 0.4, 2, ARRAY['Acme reported record revenue.'], a."publishedAt"
  FROM "Article" a CROSS JOIN "Company" c WHERE c."slug" = 'acme';
INSERT INTO "ArticleTopic" ("articleId", "topicId", "relevance", "publishedAt")
  SELECT a."id", t."id", 0.8, a."publishedAt" FROM "Article" a CROSS JOIN "Topic" t WHERE t."slug" = 'earnings';
INSERT INTO "SentimentBucket" ("subject", "subjectId", "granularity", "bucketStart", "count", "scoreSum", "bullish")
  SELECT 'COMPANY', l."companyId", 'DAY', date_trunc('day', l."publishedAt"), count(*), sum(l."sentimentScore"), count(*)
  FROM "ArticleCompany" l GROUP BY l."companyId", date_trunc('day', l."publishedAt");

INSERT INTO "Correction" ("articleId", "analysisId", "editorId", "action", "version", "values", "before", "after", "note")
  SELECT a."id", a."latestAnalysisId", u."id", 'CORRECT', 1, '{"sentimentLabel": "BULLISH"}', '{"sentimentLabel": "SOMEWHAT_BULLISH"}',
         '{"sentimentLabel": "BULLISH"}', 'Record quarter: clearly bullish'
  FROM "Article" a CROSS JOIN "User" u WHERE u."email" = 'editor@example.com' AND a."guid" IN ('guid-1', 'guid-2');
UPDATE "Article" SET "reviewVersion" = 1, "sentimentLabel" = 'BULLISH' WHERE "guid" IN ('guid-1', 'guid-2');

INSERT INTO "AuditEntry" ("actorId", "action", "entityType", "entityId", "before", "after", "requestId", "ip")
  SELECT c."editorId", 'analysis.correct', 'Article', c."articleId"::text, c."before", c."after", 'req-' || c."id", '127.0.0.1' FROM "Correction" c;
INSERT INTO "AuditEntry" ("action", "entityType", "after") VALUES ('system.seed', 'Instance', '{"companies": 2, "topics": 2}');

INSERT INTO "InstanceSetting" ("key", "value", "updatedAt") VALUES ('seed.version', '"2026-11-27"', now());
`;

/** Loads the sample data set into the database at `connectionString` (in one transaction). */
export async function insertSampleRows(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`BEGIN; ${SAMPLE_ROWS_SQL} COMMIT;`);
  } finally {
    await client.end();
  }
}
