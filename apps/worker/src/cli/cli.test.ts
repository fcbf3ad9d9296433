import { spawn } from 'node:child_process';

import { afterEach, describe, expect, it } from 'vitest';

import { hashPassword, verifyPassword } from '@wirelens/core';
import { findFreePort } from '@wirelens/core/net';
import {
  createEmptyDatabase,
  createTestDatabase,
  lockOutUser,
  type TestDatabase,
} from '@wirelens/db/testing';

import { runCli as run, workerRoot, type CliResult } from '../testing/run-cli.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return run(args, { env });
}

async function testDatabase(): Promise<TestDatabase> {
  const test = await createTestDatabase();
  cleanups.push(() => test.drop());
  return test;
}

describe('wirelens CLI', () => {
  it('prints help listing the commands', async () => {
    const result = await runCli(['--help'], {});
    expect(result.code).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'user']) expect(result.stdout).toContain(command);
  });

  it('fails with a clear message for an unknown command', async () => {
    const result = await runCli(['frobnicate'], {});
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('names the bad variable when the environment is invalid', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: 'mysql://nope', PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Invalid environment: .*DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(result.stderr).toMatch(/PORT/);
  });

  it('migrates an empty database', async () => {
    const empty = await createEmptyDatabase();
    cleanups.push(() => empty.drop());
    const result = await runCli(['migrate'], { DATABASE_URL: empty.url });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('applying');
    expect(result.stdout).toContain('Database schema is up to date.');
  });

  it('creates users with a role and refuses bad input', async () => {
    const test = await testDatabase();
    const env = { DATABASE_URL: test.url };
    const created = await runCli(
      ['user', 'create', 'Ed@Example.com', '--role', 'editor', '--password', 'editor-password-1'],
      env,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created editor ed@example.com');
    const user = await test.db.user.findUniqueOrThrow({ where: { email: 'ed@example.com' } });
    expect(user.role).toBe('EDITOR');
    expect(await verifyPassword('editor-password-1', user.passwordHash)).toBe(true);

    const generated = await runCli(['user', 'create', 'viewer@example.com', '--role', 'viewer'], env);
    expect(generated.code).toBe(0);
    const password = /Generated password \(shown once\): (\S+)/.exec(generated.stdout)?.[1] ?? '';
    const viewer = await test.db.user.findUniqueOrThrow({ where: { email: 'viewer@example.com' } });
    expect(await verifyPassword(password, viewer.passwordHash)).toBe(true);

    const duplicate = await runCli(
      ['user', 'create', 'ed@example.com', '--role', 'admin', '--password', 'another-password'],
      env,
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');

    const badRole = await runCli(['user', 'create', 'x@example.com', '--role', 'root'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('unknown role "root"');

    const missingRole = await runCli(['user', 'create', 'x@example.com'], env);
    expect(missingRole.code).not.toBe(0);
    expect(missingRole.stderr).toContain("required option '--role <role>' not specified");

    const audit = await test.db.auditEntry.count({ where: { action: 'user.create' } });
    expect(audit).toBe(2);
  });

  it('resets passwords, unlocks and reactivates users by e-mail, audited as the CLI', async () => {
    const test = await testDatabase();
    const env = { DATABASE_URL: test.url };
    const user = await test.db.user.create({
      data: {
        email: 'sam@example.com',
        role: 'ANALYST',
        active: false,
        passwordHash: await hashPassword('old-password-1'),
      },
    });
    await lockOutUser(test.db, user);

    const reactivated = await runCli(['user', 'reactivate', 'Sam@Example.com'], env);
    expect(reactivated.stdout).toContain('Reactivated sam@example.com');
    const unlocked = await runCli(['user', 'unlock', 'sam@example.com'], env);
    expect(unlocked.stdout).toContain('Unlocked sam@example.com');
    expect(await test.db.loginThrottle.count()).toBe(0);
    const reset = await runCli(['user', 'reset-password', 'sam@example.com'], env);
    expect(reset.code).toBe(0);
    const password = /\(shown once\): (\S+)/.exec(reset.stdout)?.[1] ?? '';
    const stored = await test.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ active: true, mustChangePassword: true });
    expect(await verifyPassword(password, stored.passwordHash)).toBe(true);

    const unknown = await runCli(['user', 'unlock', 'nobody@example.com'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no user has the e-mail nobody@example.com');
    const common = await runCli(
      ['user', 'create', 'x@example.com', '--role', 'viewer', '--password', 'password123'],
      env,
    );
    expect(common.code).toBe(1);
    expect(common.stderr).toContain('password: is one of the most common passwords');

    const audit = await test.db.auditEntry.findMany({
      where: { entityType: 'User' },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.action, a.actorId, a.requestId])).toEqual([
      ['user.reactivate', null, 'cli'],
      ['user.unlock', null, 'cli'],
      ['user.resetPassword', null, 'cli'],
    ]);
  });

  it('seeds idempotently from the command line', async () => {
    const test = await testDatabase();
    const env = {
      DATABASE_URL: test.url,
      WIRELENS_ADMIN_EMAIL: 'boss@example.com',
      WIRELENS_ADMIN_PASSWORD: 'boss-password-1',
    };
    const first = await runCli(['seed'], env);
    expect(first.code).toBe(0);
    const companies = await test.db.company.count();
    expect(companies).toBeGreaterThanOrEqual(300);
    const second = await runCli(['seed'], env);
    expect(second.code).toBe(0);
    expect(await test.db.company.count()).toBe(companies);
    expect(await test.db.user.count({ where: { role: 'ADMIN' } })).toBe(1);
  });
});

describe('wirelens start', () => {
  it('brings up API, dashboard and worker on one port, then stops everything on SIGTERM', async () => {
    const test = await testDatabase();
    const port = await findFreePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
      cwd: workerRoot,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: test.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        WIRELENS_ADMIN_EMAIL: 'admin@example.com',
        WIRELENS_ADMIN_PASSWORD: 'admin-password-1',
        // Only the bundled demo feeds, which the app serves itself: no network.
        WIRELENS_SEED_PUBLIC_FEEDS: 'false',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    });

    const url = `http://127.0.0.1:${port}`;
    await expect.poll(() => output, { timeout: 90_000, interval: 200 }).toContain(`Wirelens ready at ${url}`);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    // Reading needs a login: the seeded admin signs in and the session cookie authenticates the query.
    const login = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { login(email: "admin@example.com", password: "admin-password-1") { user { email } } }',
      }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^wl_session=/);
    const graphql = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ companies(search: "NVDA") { totalCount edges { node { name } } } }' }),
    });
    const body = (await graphql.json()) as {
      data: { companies: { totalCount: number; edges: { node: { name: string } }[] } };
    };
    expect(body.data.companies.edges.map((e) => e.node.name)).toContain('NVIDIA');

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    // Offline first run: the bundled demo feeds, served by the app itself, are ingested and analysed.
    await expect
      .poll(() => test.db.article.count({ where: { latestAnalysisId: { not: null } } }), {
        timeout: 120_000,
        interval: 500,
      })
      .toBeGreaterThanOrEqual(75);
    expect(await test.db.storyCluster.count({ where: { sourceCount: { gte: 2 } } })).toBeGreaterThanOrEqual(
      3,
    );
    // Every seeded source is a demo feed, and each was fetched from the app itself and logged.
    const sources = await test.db.source.findMany({
      select: {
        isDemo: true,
        consecutiveFailures: true,
        fetchLogs: { select: { httpStatus: true, itemsNew: true } },
      },
    });
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const source of sources) {
      expect(source).toMatchObject({ isDemo: true, consecutiveFailures: 0 });
      expect(source.fetchLogs).toContainEqual({ httpStatus: 200, itemsNew: expect.any(Number) as number });
      expect(source.fetchLogs.reduce((sum, log) => sum + log.itemsNew, 0)).toBeGreaterThan(0);
    }

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped');
    // Nothing of ours keeps the port.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  }, 240_000);
});
