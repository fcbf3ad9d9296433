import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { findFreePort } from '@wirelens/core/net';

import { servicePid, startAppProcess, type AppProcess } from '../testing/app-process.js';
import { runCli } from '../testing/run-cli.js';

// One `wirelens start` on its own embedded PostgreSQL for the whole file: each test breaks one of its processes
// and checks the app heals; the last one makes the worker crash for good.
let app: AppProcess;
let dataDir: string;
const RECOVERY = { timeout: 150_000, interval: 500 };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-supervise-'));
  app = startAppProcess({
    port: await findFreePort(),
    // Abandoned jobs of a killed worker are looked for every 5 s (default 30) so recovery fits the test.
    env: { WIRELENS_DATA_DIR: dataDir, WIRELENS_HEALTH_CHECK_SECONDS: '1', QUEUE_SUPERVISE_SECONDS: '5' },
  });
  await vi.waitFor(
    () => {
      if (!app.output.text.includes('Wirelens ready')) throw new Error(`not ready:\n${app.output.text}`);
    },
    { timeout: 150_000, interval: 200 },
  );
}, 180_000);

afterAll(async () => {
  await app.kill();
  await rm(dataDir, { recursive: true, force: true });
});

async function database(): Promise<pg.Client> {
  const { user, password } = JSON.parse(
    await readFile(path.join(dataDir, 'pg-credentials.json'), 'utf8'),
  ) as { user: string; password: string };
  const port = (await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[3];
  const client = new pg.Client({
    host: '127.0.0.1',
    port: Number(port),
    user,
    password,
    database: 'wirelens',
  });
  await client.connect();
  return client;
}

async function postmasterPid(): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

async function count(sql: string): Promise<number> {
  const client = await database();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]?.n);
  } finally {
    await client.end();
  }
}

/** True when /healthz says ok and a signed-in GraphQL query reads the database. */
async function serves(): Promise<boolean> {
  try {
    const health = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    if (health.status !== 200) return false;
    const login = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { login(email: "admin@example.com", password: "admin-password-1") { user { email } } }',
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ companies(search: "NVDA") { totalCount } }' }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { data?: { companies?: { totalCount: number } } };
    return (body.data?.companies?.totalCount ?? 0) > 0;
  } catch {
    return false;
  }
}

async function pidOf(service: 'api' | 'worker'): Promise<number> {
  let pid: number | null = null;
  await expect
    .poll(async () => (pid = await servicePid(app.child.pid ?? 0, service)), RECOVERY)
    .not.toBeNull();
  return pid ?? 0;
}

describe('wirelens start supervises its processes', { timeout: 360_000 }, () => {
  it('lets a CLI command use the running database without stopping it', async () => {
    await expect.poll(serves, RECOVERY).toBe(true);
    const postmaster = await postmasterPid();
    const result = await runCli(['sources', 'list'], { env: { WIRELENS_DATA_DIR: dataDir } });
    expect(result.stderr).toContain('using the running embedded PostgreSQL');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Demo:');
    // The app's database was never stopped (nor restarted by the supervisor).
    expect(await postmasterPid()).toBe(postmaster);
    expect(app.output.text).not.toMatch(/postgresql (exited|was killed)/);
    expect(await serves()).toBe(true);
  });

  it('restarts a killed worker, which goes on with the queued work', async () => {
    const worker = await pidOf('worker');
    process.kill(worker, 'SIGKILL');
    await expect.poll(() => app.output.text, RECOVERY).toContain('worker was killed by SIGKILL; restarting');
    const restarted = await pidOf('worker');
    expect(restarted).not.toBe(worker);
    // The demo feeds are fetched and every article is analysed: no queued job was lost with the worker.
    await expect.poll(() => count('SELECT count(*) AS n FROM "Article"'), RECOVERY).toBeGreaterThan(0);
    await expect
      .poll(() => count('SELECT count(*) AS n FROM "Article" WHERE "latestAnalysisId" IS NULL'), RECOVERY)
      .toBe(0);
    expect(await serves()).toBe(true);
  });

  /** Sends `signal` to the API; the supervisor says `message` and a new API process serves. */
  async function expectApiReplacedAfter(signal: NodeJS.Signals, message: string) {
    const api = await pidOf('api');
    process.kill(api, signal);
    await expect.poll(() => app.output.text, RECOVERY).toContain(message);
    await expect.poll(serves, RECOVERY).toBe(true);
    expect(await pidOf('api')).not.toBe(api);
  }

  it('restarts a killed API', () =>
    expectApiReplacedAfter('SIGKILL', 'api was killed by SIGKILL; restarting'));

  it('restarts a killed PostgreSQL, keeping every article', async () => {
    const articles = await count('SELECT count(*) AS n FROM "Article"');
    const postmaster = await postmasterPid();
    process.kill(postmaster, 'SIGKILL');
    await expect
      .poll(() => app.output.text, RECOVERY)
      .toContain('postgresql was killed by SIGKILL; restarting');
    await expect.poll(() => app.output.text, RECOVERY).toContain('postgresql restarted');
    await expect.poll(serves, RECOVERY).toBe(true);
    expect(await count('SELECT count(*) AS n FROM "Article"')).toBeGreaterThanOrEqual(articles);
    // pg-boss' complaints while the database was away are readable lines, not objects.
    expect(app.output.text).not.toContain('[object Object]');
    // The worker's queue came back too: jobs queued now are done.
    const analyses = await count('SELECT count(*) AS n FROM "Analysis"');
    const queued = await runCli(['reanalyze'], { env: { WIRELENS_DATA_DIR: dataDir } });
    expect(queued.code).toBe(0);
    expect(queued.stdout).toMatch(/Queued \d+ article\(s\)/);
    await expect
      .poll(() => count('SELECT count(*) AS n FROM "Analysis"'), RECOVERY)
      .toBeGreaterThanOrEqual(analyses + articles);
  });

  it('kills and restarts an API that stops answering its health check', () =>
    expectApiReplacedAfter('SIGSTOP', 'api did not answer its health check'));

  it('gives up and stops everything after repeated fast crashes', async () => {
    const postmaster = await postmasterPid();
    const killed = new Set<number>();
    while (app.child.exitCode === null && killed.size < 10) {
      const worker = await servicePid(app.child.pid ?? 0, 'worker');
      if (worker !== null && !killed.has(worker)) {
        killed.add(worker);
        process.kill(worker, 'SIGKILL');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await app.exited).toBe(1);
    expect(app.output.text).toContain('worker crashed 5 within 60 s: stopping Wirelens');
    expect(app.output.text).toContain('stopped');
    // The database was stopped cleanly, not left behind.
    expect(() => process.kill(postmaster, 0)).toThrow();
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
  });
});
