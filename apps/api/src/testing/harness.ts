import type { AddressInfo } from 'node:net';

import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll } from 'vitest';

import { hashPassword, type RoleName } from '@wirelens/core';
import type { AnalysisResult } from '@wirelens/core/review';
import { sampleAnalysisResult } from '@wirelens/core/testing';
import { seedDatabase, type CompanySeed, type DbClient } from '@wirelens/db';
import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';
import { storeAnalysisRun } from '@wirelens/services/analysis';
import { startJobQueue, type JobQueue } from '@wirelens/services/queue';
import { correctAnalysis } from '@wirelens/services/review';
import { createApiToken } from '@wirelens/services/tokens';

import { createApiServer, type CreateApiServerOptions } from '../http/create-server.js';

export const PASSWORD = 'correct horse battery staple';
export const ROLE_NAMES: RoleName[] = ['VIEWER', 'ANALYST', 'EDITOR', 'ADMIN'];

export const TEST_COMPANIES: CompanySeed[] = ['Nvidia', 'Anthropic', 'Apple', 'Tesla', 'Shell'].map(
  (name, index) => ({
    slug: name.toLowerCase(),
    name,
    legalName: null,
    aliases: [],
    ambiguousAliases: [],
    tickers: [{ symbol: ['NVDA', 'ANTH', 'AAPL', 'TSLA', 'SHEL'][index] ?? 'X', exchange: 'NASDAQ' }],
    domain: null,
    sector: null,
    country: null,
    prominence: 2,
  }),
);

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: {
      message: string;
      path?: string[];
      extensions?: Record<string, unknown> & { code?: string; field?: string };
    }[];
    extensions?: { cost?: { requested: number; limit: number; depth: number; maxDepth: number } };
  };
}

export interface RequestOptions {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

/** A job as it waits in pg-boss's table. */
export interface QueuedJob {
  name: string;
  data: unknown;
  singletonKey: string | null;
}

export interface TestApi {
  url: string;
  db: DbClient;
  database: TestDatabase;
  jobs: JobQueue;
  /** Jobs waiting in the queue, oldest first. */
  queuedJobs(): Promise<QueuedJob[]>;
  users: Record<RoleName, { id: number; email: string; token: string }>;
  ids: { companies: Record<string, number>; topics: Record<string, number>; sourceId: number };
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/** POSTs one GraphQL request to the API at `baseUrl` (any instance, not only the harness's). */
export async function postGraphql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  requestOptions: RequestOptions = {},
): Promise<GraphqlResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(requestOptions.token ? { authorization: `Bearer ${requestOptions.token}` } : {}),
      ...(requestOptions.cookie ? { cookie: requestOptions.cookie } : {}),
      ...requestOptions.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphqlResponse<T>['body'],
  };
}

export function globalId(type: string, id: number): string {
  return encodeGlobalID(type, id);
}

/**
 * A user with the test password and an API token, for a test that changes its user (role,
 * deactivation) and so must not touch the shared ones.
 */
export async function addUser(
  db: DbClient,
  { role, email, name }: { role: RoleName; email: string; name: string },
): Promise<{ id: number; email: string; token: string }> {
  const passwordHash = await hashPassword(PASSWORD);
  const user = await db.user.upsert({
    where: { email },
    create: { email, role, passwordHash, name },
    update: { role, passwordHash },
  });
  const token = await createApiToken({ db, actor: { userId: user.id }, name: `${name} test token` });
  return { id: user.id, email, token: token.secret };
}

/** A migrated database with the topic taxonomy, five companies, one user per role (each with a token), one source, and a running API. */
export async function startTestApi(
  options: {
    onQuery?: (sql: string) => void;
    server?: Partial<CreateApiServerOptions>;
    /** Cache credentials (LISTEN/NOTIFY on the test database) for this many milliseconds. */
    authCacheMs?: number;
  } = {},
): Promise<TestApi> {
  const database = await createTestDatabase({ onQuery: options.onQuery });
  const { db } = database;
  await seedDatabase({
    db,
    adminEmail: 'admin@example.com',
    adminPassword: PASSWORD,
    companies: TEST_COMPANIES,
  });
  const users = {} as TestApi['users'];
  for (const role of ROLE_NAMES) {
    users[role] = await addUser(db, { role, email: `${role.toLowerCase()}@example.com`, name: role });
  }
  const companies = Object.fromEntries((await db.company.findMany()).map((c) => [c.slug, c.id]));
  const topics = Object.fromEntries((await db.topic.findMany()).map((t) => [t.slug, t.id]));
  const source = await db.source.create({
    data: { url: 'https://news.example.com/feed', title: 'Example News', language: 'en' },
  });
  const jobs = await startJobQueue({ connectionString: database.url, onError: () => undefined });
  const api = await createApiServer({
    db,
    dashboardDir: '/nonexistent',
    graphiqlDir: '/nonexistent',
    maxBodyBytes: 200_000,
    production: true,
    jobs,
    rateLimits: false,
    authCache: options.authCacheMs ? { connectionString: database.url, ttlMs: options.authCacheMs } : null,
    ...options.server,
  });
  await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    database,
    jobs,
    queuedJobs: () =>
      db.$queryRawUnsafe<QueuedJob[]>(
        `SELECT name, data, singleton_key AS "singletonKey" FROM pgboss.job WHERE state = 'created' AND name NOT LIKE '%__dead' ORDER BY created_on, id`,
      ),
    users,
    ids: { companies, topics, sourceId: source.id },
    gql: <T>(query: string, variables?: Record<string, unknown>, requestOptions?: RequestOptions) =>
      postGraphql<T>(url, query, variables, requestOptions),
    async close() {
      await api.close();
      await jobs.stop();
      await database.drop();
    },
  };
}

/** One API (and database) for a whole test file: started when the file loads, closed after its last test. */
export async function startFileTestApi(options?: Parameters<typeof startTestApi>[0]): Promise<TestApi> {
  const api = await startTestApi(options);
  afterAll(() => api.close());
  return api;
}

export interface FixtureArticle {
  title: string;
  publishedAt: Date;
  excerpt?: string;
  language?: string;
  sourceId?: number;
  clusterId?: number | null;
  analysis?: {
    score: number;
    confidence?: number;
    importance: number;
    companies?: { id: number; relevance?: number; score?: number }[];
    topics?: { slug: string; relevance?: number }[];
    summary?: string;
  };
}

export function analysisResult(
  a: NonNullable<FixtureArticle['analysis']>,
  companyNames: Record<number, string> = {},
): AnalysisResult {
  return sampleAnalysisResult({
    score: a.score,
    importance: a.importance,
    confidence: a.confidence,
    summary: a.summary ?? 'A summary.',
    companies: (a.companies ?? []).map((c) => ({
      companyId: String(c.id),
      proposedName: null,
      name: companyNames[c.id] ?? `Company ${c.id}`,
      relevance: c.relevance ?? 0.8,
      sentimentScore: c.score ?? a.score,
      sentences: ['It was mentioned.'],
    })),
    topics: (a.topics ?? []).map((t) => ({ slug: t.slug, relevance: t.relevance ?? 0.7 })),
  });
}

/** The editor corrects an article's first analysis (review version 1) through the review use case. */
export function editorCorrects(
  api: Pick<TestApi, 'db' | 'users'>,
  articleId: number,
  values: Parameters<typeof correctAnalysis>[0]['values'],
) {
  return correctAnalysis({
    db: api.db,
    articleId,
    expectedVersion: 1,
    values,
    actor: { userId: api.users.EDITOR.id },
  });
}

let articleCounter = 0;

/** Inserts an article and, when given, stores its analysis through storeAnalysisRun (the worker's path). */
export async function insertArticle(
  api: Pick<TestApi, 'db' | 'ids'>,
  fixture: FixtureArticle,
): Promise<number> {
  articleCounter += 1;
  const slug = `${articleCounter}-${fixture.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const article = await api.db.article.create({
    data: {
      sourceId: fixture.sourceId ?? api.ids.sourceId,
      canonicalUrl: `https://news.example.com/${slug}`,
      urlKey: `news.example.com/${slug}`,
      url: `https://news.example.com/${slug}?utm_source=x`,
      title: fixture.title,
      excerpt: fixture.excerpt ?? null,
      publishedAt: fixture.publishedAt,
      language: fixture.language ?? 'en',
      contentHash: slug,
      clusterId: fixture.clusterId ?? null,
    },
  });
  if (fixture.analysis) {
    await storeAnalysisRun({
      db: api.db,
      articleId: article.id,
      result: analysisResult(fixture.analysis),
      durationMs: 5,
    });
  }
  return article.id;
}
