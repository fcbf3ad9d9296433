import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { findFreePort } from '@wirelens/core/net';

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
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    cwd: workerRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      WIRELENS_DATA_DIR: dataDir,
      WIRELENS_ADMIN_EMAIL: options.adminEmail,
      WIRELENS_ADMIN_PASSWORD: options.adminPassword,
      // The public feeds are unreachable offline; the bundled demo feeds are served by the app itself.
      WIRELENS_SEED_PUBLIC_FEEDS: 'false',
      FETCH_ALLOW_HOSTS: options.fetchAllowHosts ?? '',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;

  const stop = async () => {
    if (pid !== undefined && child.exitCode === null && child.signalCode === null) {
      signalGroup(pid, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), delay(25_000).then(() => false)]);
      if (!stopped) {
        signalGroup(pid, 'SIGKILL');
        await exited;
      }
    }
    // Children that ignored the supervisor's SIGTERM must not keep the port.
    if (pid !== undefined) signalGroup(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  };

  const ready = `Wirelens ready at ${url}`;
  const timeoutMs = options.timeoutMs ?? 120_000;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`wirelens start was not ready within ${timeoutMs / 1000} s:\n${output}`)),
        timeoutMs,
      );
      const done = (error?: Error) => {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        if (error) reject(error);
        else resolve();
      };
      const onData = () => {
        if (output.includes(ready)) done();
      };
      child.stdout.on('data', onData);
      void exited.then(() => done(new Error(`wirelens start exited before it was ready:\n${output}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
