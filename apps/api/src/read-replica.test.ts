import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { applyMigrations, createDbClient, dbPaths, seedDatabase, type DbClient } from '@wirelens/db';
import { startJobQueue, type JobQueue } from '@wirelens/services/queue';

import { createApiServer, type ApiServer } from './http/create-server.js';
import { WRITE_LSN_COOKIE, WRITE_LSN_HEADER } from './http/read-replica.js';
import { addUser, globalId, insertArticle, PASSWORD, TEST_COMPANIES } from './testing/harness.js';
import {
  startStreamingPair,
  streamingReplicaUnavailable,
  type StreamingPair,
} from './testing/streaming-replica.js';

// A real primary and streaming standby (PostgreSQL 15's initdb, pg_basebackup, pg_ctl). Without them the
// test says why and is skipped; on the project's machine kind they are installed.
const unavailable = streamingReplicaUnavailable();
if (unavailable) console.warn(`read replica test skipped: ${unavailable}`);

const DATABASE = 'wirelens_replicas_test';
let pair: StreamingPair;
let primary: DbClient;
let replica: DbClient;
let api: ApiServer;
let jobs: JobQueue;
let url: string;
let editor: { token: string; email: string };
let viewer: { token: string };
let articleId: string;

beforeAll(async () => {
  if (unavailable) return;
  pair = await startStreamingPair();
  const admin = createDbClient({ connectionString: pair.primaryUrl('postgres') });
  await admin.$executeRawUnsafe(`CREATE DATABASE ${DATABASE}`);
  await admin.$disconnect();
  await applyMigrations({ connectionString: pair.primaryUrl(DATABASE), migrationsDir: dbPaths.migrations });
  primary = createDbClient({ connectionString: pair.primaryUrl(DATABASE) });
  replica = createDbClient({ connectionString: pair.replicaUrl(DATABASE) });
  await seedDatabase({
    db: primary,
    adminEmail: 'admin@example.com',
    adminPassword: PASSWORD,
    companies: TEST_COMPANIES,
  });
  editor = await addUser(primary, { role: 'EDITOR', email: 'editor@example.com', name: 'Editor' });
  viewer = await addUser(primary, { role: 'VIEWER', email: 'viewer@example.com', name: 'Viewer' });
  const source = await primary.source.create({
    data: { url: 'https://news.example.com/feed', title: 'News' },
  });
  const id = await insertArticle(
    { db: primary, ids: { companies: {}, topics: {}, sourceId: source.id } },
    { title: 'Chipmaker cuts guidance', publishedAt: new Date(), analysis: { score: 0.5, importance: 6 } },
  );
  articleId = globalId('Article', id);
  await pair.waitForReplay();
  // A correction queues its alert evaluation in its own transaction: the API needs its queue.
  jobs = await startJobQueue({ connectionString: pair.primaryUrl(DATABASE), onError: () => undefined });
  api = await createApiServer({
    db: primary,
    replicaDb: replica,
    jobs,
    dashboardDir: '/nonexistent',
    graphiqlDir: '/nonexistent',
    maxBodyBytes: 200_000,
    production: true,
    rateLimits: false,
  });
  await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  if (unavailable) return;
  await api?.close();
  await jobs?.stop();
  await primary?.$disconnect();
  await replica?.$disconnect();
  await pair?.stop();
});

async function gql(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ headers: Headers; data: Record<string, unknown> | undefined; errors?: unknown }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  return { headers: response.headers, data: body.data, errors: body.errors };
}

const READ = `query Read($id: ID!) { article(id: $id) { reviewVersion analysis { importance } } }`;
const CORRECT = `mutation Correct($input: CorrectAnalysisInput!) {
  correctAnalysis(input: $input) { __typename ... on ReviewSuccess { version } }
}`;

interface Readiness {
  status: string;
  replica?: { status: string; replayLsn?: string | null; lagBytes?: number };
}

async function readiness(): Promise<{ httpStatus: number; body: Readiness }> {
  const response = await fetch(`${url}/readyz`);
  return { httpStatus: response.status, body: (await response.json()) as Readiness };
}

async function importanceSeenBy(headers: Record<string, string>): Promise<number> {
  const answer = await gql(READ, { id: articleId }, headers);
  return (answer.data?.article as { analysis: { importance: number } }).analysis.importance;
}

describe.skipIf(unavailable !== null)('DATABASE_REPLICA_URL: a streaming standby', () => {
  it('serves queries from the replica, and the editor their own correction from the primary', async () => {
    const asViewer = { authorization: `Bearer ${viewer.token}` };
    expect(await importanceSeenBy(asViewer)).toBe(6);

    // Freeze the standby in the past: whatever reads it from now on sees the old value.
    await pair.pauseReplay();
    const signedIn = await gql(
      `mutation { login(email: "${editor.email}", password: "${PASSWORD}") { user { email } } }`,
      {},
      {},
    );
    const session = signedIn.headers.getSetCookie().find((line) => line.startsWith('wl_session='));
    let cookie = session?.split(';')[0] ?? '';
    const before = await gql(READ, { id: articleId }, { cookie });
    const corrected = await gql(
      CORRECT,
      {
        input: {
          articleId,
          expectedVersion: (before.data?.article as { reviewVersion: number }).reviewVersion,
          importance: 9,
          note: 'the guidance cut is the story',
        },
      },
      { cookie },
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.correctAnalysis).toMatchObject({ __typename: 'ReviewSuccess' });
    const marker = corrected.headers.getSetCookie().find((line) => line.startsWith(`${WRITE_LSN_COOKIE}=`));
    expect(marker).toMatch(/^wl_write_lsn=[0-9A-F]+\/[0-9A-F]+; Path=\/; HttpOnly/);
    expect(corrected.headers.get(WRITE_LSN_HEADER)).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    cookie = `${cookie}; ${marker?.split(';')[0] ?? ''}`;

    // The editor re-reads their correction: from the primary, since the replica has not replayed it.
    expect(await importanceSeenBy({ cookie })).toBe(9);
    // A script that writes then reads sends the header back and gets the same guarantee.
    expect(
      await importanceSeenBy({
        ...asViewer,
        [WRITE_LSN_HEADER]: corrected.headers.get(WRITE_LSN_HEADER) ?? '',
      }),
    ).toBe(9);
    // Everyone else reads the replica, which is behind: proof that queries go there.
    expect(await importanceSeenBy(asViewer)).toBe(6);
    // /readyz names the replica and the WAL it has still to replay (the paused replay is behind).
    const lagging = await readiness();
    expect(lagging.httpStatus).toBe(200);
    expect(lagging.body).toMatchObject({ status: 'ready', replica: { status: 'up' } });
    expect(lagging.body.replica?.replayLsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(lagging.body.replica?.lagBytes).toBeGreaterThan(0);

    await pair.resumeReplay();
    await vi.waitFor(async () => expect(await importanceSeenBy(asViewer)).toBe(9), {
      timeout: 30_000,
      interval: 100,
    });
    // Once the replica has caught up, the editor reads it too and the marker is cleared.
    const caughtUp = await gql(READ, { id: articleId }, { cookie });
    expect((caughtUp.data?.article as { analysis: { importance: number } }).analysis.importance).toBe(9);
    expect(caughtUp.headers.getSetCookie()).toContainEqual(
      expect.stringMatching(/^wl_write_lsn=; .*Max-Age=0/),
    );
    await vi.waitFor(
      async () => expect((await readiness()).body.replica).toMatchObject({ status: 'up', lagBytes: 0 }),
      { timeout: 30_000, interval: 100 },
    );
  }, 120_000);

  it('reads the primary while the replica is down', async () => {
    const asViewer = { authorization: `Bearer ${viewer.token}` };
    await pair.stopReplica();
    // The query that finds the replica gone fails like any query whose database is down; the ones after
    // it read the primary (which holds the correction the replica had replayed).
    const first = await gql(READ, { id: articleId }, asViewer);
    expect(first.errors).toMatchObject([{ extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
    await vi.waitFor(async () => expect(await importanceSeenBy(asViewer)).toBe(9), {
      timeout: 30_000,
      interval: 200,
    });
    const again = await gql(READ, { id: articleId }, asViewer);
    expect(again.errors).toBeUndefined();
    // Still ready (reads fall back to the primary), and /readyz says the replica is down.
    const withoutReplica = await readiness();
    expect(withoutReplica.httpStatus).toBe(200);
    expect(withoutReplica.body).toMatchObject({ status: 'ready', replica: { status: 'down' } });
  }, 120_000);
});
