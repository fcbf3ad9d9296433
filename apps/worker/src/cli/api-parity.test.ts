import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findFreePort } from '@wirelens/core/net';
import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';
import { createApiToken } from '@wirelens/services/tokens';
import { createUser } from '@wirelens/services/users';

import { runCli, workerRoot } from '../testing/run-cli.js';

// The same action through the real CLI and the real API (over HTTP), each on a fresh database:
// what ends up stored, audited and queued must be the same.
const apiRoot = path.resolve(workerRoot, '../api');
const sharedEnv = {
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'production',
  FETCH_ALLOW_HOSTS: 'feeds.internal',
};

let cliDb: TestDatabase;
let apiDb: TestDatabase;
let api: ChildProcess;
let apiUrl = '';
let token = '';
let dir = '';

beforeAll(async () => {
  [cliDb, apiDb] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-parity-'));
  const system = { userId: null };
  const { userId } = await createUser({
    db: apiDb.db,
    actor: system,
    email: 'admin@example.com',
    name: null,
    role: 'ADMIN',
    password: 'admin-password-1',
  });
  token = (await createApiToken({ db: apiDb.db, actor: { userId }, name: 'parity' })).secret;
  const port = await findFreePort();
  apiUrl = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiRoot,
    env: { ...sharedEnv, DATABASE_URL: apiDb.url, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (
    (await fetch(`${apiUrl}/healthz`).then(
      (r) => r.status,
      () => 0,
    )) !== 200
  ) {
    if (Date.now() > deadline) throw new Error('the API did not become healthy');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 120_000);

afterAll(async () => {
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  await Promise.all([cliDb.drop(), apiDb.drop()]);
  await rm(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(args, { env: { ...sharedEnv, DATABASE_URL: cliDb.url } });

async function gql<T>(query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T | null; errors?: { message: string }[] };
}

/** What both databases must agree on: sources, their audit trail and the queued jobs. */
async function stateOf(test: TestDatabase) {
  const sources = await test.db.source.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, url: true, title: true, intervalSeconds: true, language: true, status: true },
  });
  const audit = await test.db.auditEntry.findMany({
    where: { entityType: 'Source' },
    orderBy: { id: 'asc' },
    select: { action: true, entityId: true, before: true, after: true },
  });
  const jobs = await test.db.$queryRawUnsafe<unknown[]>(
    `SELECT name, data, singleton_key, state::text AS state, policy, retry_limit, retry_delay, retry_backoff,
            expire_seconds, heartbeat_seconds, dead_letter
     FROM pgboss.job ORDER BY name, singleton_key`,
  );
  return { sources, audit, jobs };
}

const errorOf = (stderr: string) => stderr.trim().replace(/^error: /, '');

describe('the CLI and the API do the same thing', () => {
  it('adding a source: one URL form, the same bounds, refusals, audit entry and queued fetch', async () => {
    const url = ' HTTPS://Feeds.Example.org/Tech.xml#latest ';
    const viaApi = await gql<{ addSource: { url: string } }>(
      'mutation($u: String!) { addSource(input: { url: $u, title: "Tech", intervalSeconds: 1800 }) { url } }',
      { u: url },
    );
    const viaCli = await cli(['sources', 'add', url, '--title', 'Tech', '--interval', '30']);
    expect(viaApi.data?.addSource.url).toBe('https://feeds.example.org/Tech.xml');
    expect(viaCli.stdout).toContain('https://feeds.example.org/Tech.xml');

    for (const refused of ['http://10.0.0.5/feed', 'http:///x', 'https://feeds.example.org/Tech.xml#again']) {
      const apiError = await gql('mutation($u: String!) { addSource(input: { url: $u }) { url } }', {
        u: refused,
      });
      const cliError = await cli(['sources', 'add', refused]);
      expect(cliError.code, refused).toBe(1);
      expect(errorOf(cliError.stderr), refused).toBe(apiError.errors?.[0]?.message);
    }
    expect(await stateOf(cliDb)).toEqual(await stateOf(apiDb));
  }, 120_000);

  it('importing OPML: same caps, normalisation, duplicates, skipped list, audit entries and queued fetches', async () => {
    const nested = (depth: number, inner: string): string =>
      depth === 0 ? inner : `<outline text="Level ${depth}">${nested(depth - 1, inner)}</outline>`;
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="Markets">
        <outline type="rss" text="Wire A" xmlUrl="https://a.example.com/rss"/>
        <outline type="rss" text="Wire A again" xmlUrl="https://A.example.com/rss#top"/>
        <outline type="rss" text="Intranet" xmlUrl="http://feeds.internal/rss"/>
      </outline>
      <outline type="rss" text="Known" xmlUrl="https://feeds.example.org/Tech.xml"/>
      <outline type="rss" text="Private" xmlUrl="http://10.0.0.5/feed"/>
      <outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>
      <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
      <outline type="rss" text="Empty" xmlUrl=""/>
      <outline type="rss" text="No host" xmlUrl="http:///x"/>
      ${nested(70, '<outline type="rss" text="Deep" xmlUrl="https://deep.example.com/rss"/>')}
    </body></opml>`;
    const file = path.join(dir, 'feeds.opml');
    await writeFile(file, opml);
    const importMutation =
      'mutation($o: String!) { importOpml(opml: $o) { added { url title } skipped { url reason } } }';
    type Imported = {
      importOpml: { added: { url: string; title: string }[]; skipped: { url: string; reason: string }[] };
    };

    const viaApi = await gql<Imported>(importMutation, { o: opml });
    const viaCli = await cli(['sources', 'import', file, '--json']);
    const cliResult = JSON.parse(viaCli.stdout) as {
      added: { url: string; title: string }[];
      skipped: unknown[];
    };
    expect(viaApi.data?.importOpml.added).toEqual([
      { url: 'https://a.example.com/rss', title: 'Wire A' },
      { url: 'http://feeds.internal/rss', title: 'Intranet' },
    ]);
    expect(cliResult.added.map(({ url, title }) => ({ url, title }))).toEqual(viaApi.data?.importOpml.added);
    expect(cliResult.skipped).toEqual(viaApi.data?.importOpml.skipped);
    expect(viaApi.data?.importOpml.skipped.map((s) => s.url)).toEqual([
      'https://deep.example.com/rss',
      'https://A.example.com/rss#top',
      'https://feeds.example.org/Tech.xml',
      'http://10.0.0.5/feed',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '',
      'http:///x',
    ]);

    // A second import adds nothing, the same way.
    const againApi = await gql<Imported>(importMutation, { o: opml });
    const againCli = JSON.parse((await cli(['sources', 'import', file, '--json'])).stdout) as {
      skipped: unknown[];
    };
    expect(againApi.data?.importOpml.added).toEqual([]);
    expect(againCli.skipped).toEqual(againApi.data?.importOpml.skipped);

    // Both refuse the same oversize documents with the same message.
    const tooMany = `<opml version="2.0"><body>${'<outline type="rss" xmlUrl="https://x.example.com/a"/>'.repeat(1001)}</body></opml>`;
    const tooLong = `<opml version="2.0"><body><outline text="${'x'.repeat(500_001)}"/></body></opml>`;
    for (const [name, document] of [
      ['too-many.opml', tooMany],
      ['too-long.opml', tooLong],
    ] as const) {
      await writeFile(path.join(dir, name), document);
      const apiError = await gql(importMutation, { o: document });
      const cliError = await cli(['sources', 'import', path.join(dir, name)]);
      expect(cliError.code, name).toBe(1);
      expect(errorOf(cliError.stderr), name).toBe(apiError.errors?.[0]?.message);
    }

    expect(await stateOf(cliDb)).toEqual(await stateOf(apiDb));
  }, 180_000);
});
