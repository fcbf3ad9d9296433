import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { JOBS } from '@wirelens/core/jobs';
import { serveMetrics } from '@wirelens/services/metrics';

import { startTestApi, type TestApi } from './testing/harness.js';

const METRICS_TOKEN = 'scrape-token-0123456789';
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ server: { metricsToken: METRICS_TOKEN } });
});

afterAll(async () => {
  await api.close();
});

const scrape = (headers: Record<string, string> = { authorization: `Bearer ${METRICS_TOKEN}` }) =>
  fetch(`${api.url}/metrics`, { headers });

/** The value of the series `name` with exactly these labels (any order; `component` implied), if present. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries({ ...labels, component: 'api' })
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(line);
    if (match?.[1] === name && (match[2] ?? '').split(',').sort().join(',') === wanted)
      return Number(match[3]);
  }
  return undefined;
}

describe('/metrics on the API port', () => {
  it('answers only the configured bearer token', async () => {
    expect((await scrape({})).status).toBe(401);
    expect((await scrape({ authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
  });

  it('counts GraphQL operations by name, errors by code and HTTP requests by route', async () => {
    const { users } = api;
    for (let i = 0; i < 3; i++) {
      expect((await api.gql('query Me { me { email } }', {}, { token: users.VIEWER.token })).status).toBe(
        200,
      );
    }
    // Anonymous access to a protected field: an UNAUTHENTICATED error.
    expect((await api.gql('query Feed { articles(first: 1) { totalCount } }')).status).toBe(401);
    await fetch(`${api.url}/healthz`);
    const text = await (await scrape()).text();
    expect(
      sample(text, 'wirelens_graphql_operation_duration_seconds_count', { operation: 'Me', type: 'query' }),
    ).toBe(3);
    expect(sample(text, 'wirelens_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    // Refused before execution, the operation still counts under its name.
    expect(
      sample(text, 'wirelens_graphql_operation_duration_seconds_count', {
        operation: 'Feed',
        type: 'query',
      }),
    ).toBe(1);
    expect(
      sample(text, 'wirelens_http_request_duration_seconds_count', {
        route: 'graphql',
        method: 'POST',
        status: '200',
      }),
    ).toBe(3);
    expect(
      sample(text, 'wirelens_http_request_duration_seconds_count', {
        route: 'healthz',
        method: 'GET',
        status: '200',
      }),
    ).toBe(1);
    // The pool has opened connections for these requests, within its size.
    const pool = (state: string) => sample(text, 'wirelens_db_pool_connections', { state }) ?? Number.NaN;
    expect(pool('in_use') + pool('idle')).toBeGreaterThanOrEqual(1);
    expect(pool('in_use') + pool('idle')).toBeLessThanOrEqual(pool('max'));
    expect(text).toContain('wirelens_nodejs_eventloop_lag_seconds');
  });

  it('reports queue depth per queue from PostgreSQL, whichever process queued the jobs', async () => {
    await api.jobs.sendMany(JOBS.analyzeArticle, [
      { payload: { articleId: 101, reason: 'new' }, singletonKey: 'article-101' },
      { payload: { articleId: 102, reason: 'new' }, singletonKey: 'article-102' },
    ]);
    const text = await (await scrape()).text();
    expect(sample(text, 'wirelens_queue_jobs', { queue: JOBS.analyzeArticle.name, state: 'created' })).toBe(
      2,
    );
    expect(sample(text, 'wirelens_queue_jobs', { queue: JOBS.fetchSource.name, state: 'active' })).toBe(0);
  });

  it('is absent without a token, and served on a port of its own instead', async () => {
    const plain = await startTestApi();
    try {
      const response = await fetch(`${plain.url}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('METRICS_TOKEN');
    } finally {
      await plain.close();
    }
    const { createMetricsRegistry } = await import('@wirelens/services/metrics');
    const separate = await serveMetrics({
      registry: createMetricsRegistry({ db: api.db, component: 'api' }),
      port: 0,
    });
    try {
      const response = await fetch(`http://127.0.0.1:${separate.port}/metrics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('wirelens_process_cpu_seconds_total');
      expect((await fetch(`http://127.0.0.1:${separate.port}/graphql`)).status).toBe(404);
    } finally {
      await separate.close();
    }
  });
});

describe('/readyz', () => {
  it('is ready when the database answers and every migration is applied, and says which are missing', async () => {
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', migrations: 'current' });
    const [latest] = await api.db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await api.db
      .$executeRaw`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = ${latest?.migration_name}`;
    try {
      const pending = await fetch(`${api.url}/readyz`);
      expect(pending.status).toBe(503);
      expect(await pending.json()).toMatchObject({
        migrations: 'pending',
        pending: [latest?.migration_name],
      });
      // Liveness is another question: the process and its database are fine.
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    } finally {
      await api.db
        .$executeRaw`UPDATE "_prisma_migrations" SET finished_at = now() WHERE migration_name = ${latest?.migration_name}`;
    }
  });
});
