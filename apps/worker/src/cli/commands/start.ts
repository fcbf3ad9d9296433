import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Command } from 'commander';

import { AppError } from '@wirelens/core';
import { portInUse } from '@wirelens/core/net';
import { seedSources, startEmbeddedPostgres } from '@wirelens/db';

import { loadEnv, type WorkerEnv } from '../../env.js';
import { logger } from '../../logger.js';
import { openDatabase } from '../database.js';
import {
  superviseProcess,
  type ProcessExit,
  type RunningProcess,
  type Supervisor,
} from '../supervise-process.js';
import { runSeed } from './seed.js';

const workerRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The API is another app: we start it as a process, never import it.
const apiRoot = path.resolve(workerRoot, '../api');

/** Longer than /healthz's own 5 s wait for the database, so a slow database is not taken for a hung API. */
const HEALTH_CHECK_TIMEOUT_MS = 6_000;
/** Unanswered health checks in a row after which the API counts as hung. */
const HEALTH_CHECK_FAILURES = 3;

function startService(cwd: string, env: NodeJS.ProcessEnv): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return Promise.resolve({
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
    kill: () => child.kill('SIGKILL'),
  });
}

async function answers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

async function waitForHealth(url: string, gaveUp: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error('a service kept crashing during start-up (see the log above)');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`the API did not answer ${url} within ${timeoutMs / 1000} s`);
}

async function assertPortFree(env: WorkerEnv): Promise<void> {
  if (!(await portInUse(env.HOST, env.PORT))) return;
  throw new AppError(
    'CONFIG',
    `Port ${env.PORT} on ${env.HOST} is already in use (another Wirelens, or another program). Stop it, or start on another port: PORT=${env.PORT + 1} pnpm start`,
  );
}

/**
 * Port free, database up, migrated, seeded; then the API (which serves the dashboard) and the worker as child
 * processes. Each of the three is supervised: restarted when it crashes, the API also when it hangs.
 */
export async function startAll(env: WorkerEnv): Promise<void> {
  const started = Date.now();
  await assertPortFree(env);
  const { database, db, close } = await openDatabase(env, { exclusive: true });
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const url = `http://${host}:${env.PORT}`;
  try {
    await runSeed(db, env);
    const sources = await seedSources({
      db,
      origin: url,
      includePublicFeeds: env.WIRELENS_SEED_PUBLIC_FEEDS,
    });
    if (sources.created > 0)
      logger.info(
        `added ${sources.created} sources (demo feeds served by Wirelens itself, and public feeds)`,
      );
  } catch (error) {
    await close();
    throw error;
  }
  await db.$disconnect();

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.connectionString,
    HOST: env.HOST,
    PORT: String(env.PORT),
    WIRELENS_DATA_DIR: env.dataDir,
    NODE_ENV: env.NODE_ENV,
  };

  let gaveUp = false;
  let stopping: Promise<void> | null = null;
  // In stopping order: the worker first (its in-flight fetches of the demo feeds still need the API), the database last.
  const supervisors: Supervisor[] = [];
  const stop = (reason: string, exitCode: number) => {
    stopping ??= (async () => {
      logger.info(`stopping (${reason})`);
      for (const supervisor of supervisors) await supervisor.stop();
      logger.info('stopped');
      process.exit(exitCode);
    })();
    return stopping;
  };
  const giveUp = (reason: string) => {
    gaveUp = true;
    logger.error(`${reason}: stopping Wirelens (see the log above for why it crashed)`);
    void stop(reason, 1);
  };
  const log = {
    info: (message: string) => logger.info(message),
    warn: (message: string) => logger.warn(message),
    error: (message: string) => logger.error(message),
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));

  const embedded = database.embedded;
  const services = await Promise.all([
    superviseProcess({
      name: 'worker',
      start: () => startService(workerRoot, childEnv),
      log,
      onGiveUp: giveUp,
    }),
    superviseProcess({
      name: 'api',
      start: () => startService(apiRoot, childEnv),
      log,
      onGiveUp: giveUp,
      healthCheck: {
        check: () => answers(`${url}/healthz`, HEALTH_CHECK_TIMEOUT_MS),
        intervalMs: env.WIRELENS_HEALTH_CHECK_SECONDS * 1000,
        maxFailures: HEALTH_CHECK_FAILURES,
      },
    }),
  ]);
  supervisors.push(...services);
  if (embedded) {
    const asProcess = (server: typeof embedded): RunningProcess => ({
      exited: server.exited,
      stop: () => server.stop(),
      kill: () => process.kill(server.pid, 'SIGKILL'),
    });
    supervisors.push(
      await superviseProcess({
        name: 'postgresql',
        initial: asProcess(embedded),
        // Same port and credentials: the API's and the worker's connection pools reconnect by themselves.
        start: async () =>
          asProcess(
            await startEmbeddedPostgres({
              dataDir: env.dataDir,
              port: embedded.port,
              log: (message) => logger.info(message),
            }),
          ),
        log,
        onGiveUp: giveUp,
      }),
    );
  }

  try {
    await waitForHealth(`${url}/healthz`, () => gaveUp, 120_000);
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    await stop('start-up failed', 1);
    return;
  }
  logger.info(`started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.stdout.write(`Wirelens ready at ${url}\n`);
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('bring up the database, migrate, seed, then run the API, dashboard and worker')
    .action(() => startAll(loadEnv()));
}
