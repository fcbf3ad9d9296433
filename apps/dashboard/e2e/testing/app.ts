import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { findFreePort } from '@wirelens/core/net';
import type { DbClient } from '@wirelens/db';

import { delay, startAppProcess } from './process-group.js';

const workerRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../worker');

export interface RunningApp {
  url: string;
  /** Everything the app printed so far, for failure messages. */
  output: () => string;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  databaseUrl: string;
  adminEmail: string;
  adminPassword: string;
  /** Hosts the fetcher may reach although they are loopback (a local test feed server). */
  fetchAllowHosts?: string;
  timeoutMs?: number;
}

/**
 * `wirelens start` as a user runs it: migrate, seed, then API + dashboard + worker on one port. Another app
 * is started as a process, never imported. It runs in its own process group so teardown reaches the API and
 * worker children too, whatever state they are in.
 */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const app = startAppProcess({
    cwd: workerRoot,
    args: ['src/cli/main.ts', 'start'],
    env: {
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      WIRELENS_DATA_DIR: dataDir,
      WIRELENS_ADMIN_EMAIL: options.adminEmail,
      WIRELENS_ADMIN_PASSWORD: options.adminPassword,
      // The public feeds are unreachable offline; the bundled demo feeds are served by the app itself.
      WIRELENS_SEED_PUBLIC_FEEDS: 'false',
      FETCH_ALLOW_HOSTS: options.fetchAllowHosts ?? '',
      // A browser-test file signs in a dozen sessions or more from one address within a minute; the
      // default (10 at once, then one per 6 s) answered 429 once the machine ran the file fast enough.
      // Sign-in throttling itself is tested against the API (api-replicas.test.ts).
      WIRELENS_RATE_LIMIT_LOGIN: '100/10',
    },
  });
  const stop = async () => {
    await app.stop(25_000);
    await rm(dataDir, { recursive: true, force: true });
  };

  const ready = `Wirelens ready at ${url}`;
  const timeoutMs = options.timeoutMs ?? 120_000;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`wirelens start was not ready within ${timeoutMs / 1000} s:\n${app.output()}`)),
        timeoutMs,
      );
      const done = (error?: Error) => {
        clearTimeout(timer);
        stopListening();
        if (error) reject(error);
        else resolve();
      };
      const stopListening = app.onStdout(() => {
        if (app.output().includes(ready)) done();
      });
      void app.exited.then(() =>
        done(new Error(`wirelens start exited before it was ready:\n${app.output()}`)),
      );
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: app.output, stop };
}

/** Polls `check` until it returns true (for set-up, where vitest's `expect.poll` is not available). */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  { timeoutMs = 60_000, intervalMs = 500 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await delay(intervalMs);
  }
}

/** Waits until the first run has ingested and analysed the bundled demo articles (81 of them). */
export function untilDemoAnalysed(db: DbClient): Promise<void> {
  return until(
    'the demo articles to be analysed',
    async () => {
      const [all, analysed] = await Promise.all([
        db.article.count(),
        db.article.count({ where: { latestAnalysisId: { not: null } } }),
      ]);
      return all >= 75 && analysed === all;
    },
    { timeoutMs: 150_000 },
  );
}
