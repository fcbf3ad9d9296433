import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Command } from 'commander';

import { seedSources } from '@wirelens/db';

import { loadEnv, type WorkerEnv } from '../../env.js';
import { logger } from '../../logger.js';
import { openDatabase } from '../database.js';
import { runSeed } from './seed.js';

const workerRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The API is another app: we start it as a process, never import it.
const apiRoot = path.resolve(workerRoot, '../api');

interface Service {
  name: string;
  child: ChildProcess;
  exited: Promise<number>;
}

function startService(name: string, cwd: string, entry: string, env: NodeJS.ProcessEnv): Service {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  return { name, child, exited };
}

async function waitForHealth(url: string, services: Service[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let crashed = false;
  for (const service of services) void service.exited.then(() => (crashed = true));
  while (Date.now() < deadline) {
    if (crashed) throw new Error('a service exited during start-up (see the log above)');
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

/** Database up, migrated, seeded; then the API (which serves the dashboard) and the worker as child processes. */
export async function startAll(env: WorkerEnv): Promise<void> {
  const started = Date.now();
  const { database, db, close } = await openDatabase(env);
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
  const services = [
    startService('api', apiRoot, 'src/main.ts', childEnv),
    startService('worker', workerRoot, 'src/main.ts', childEnv),
  ];

  let stopping: Promise<void> | null = null;
  const stop = (reason: string, exitCode: number) => {
    stopping ??= (async () => {
      logger.info(`stopping (${reason})`);
      // The worker first: its in-flight fetches of the demo feeds still need the API.
      const order = [...services].sort((a, b) => (a.name === 'worker' ? -1 : b.name === 'worker' ? 1 : 0));
      const timer = setTimeout(() => {
        for (const service of services) service.child.kill('SIGKILL');
      }, 20_000);
      for (const service of order) {
        service.child.kill('SIGTERM');
        await service.exited;
        logger.info(`${service.name} stopped`);
      }
      clearTimeout(timer);
      await database.stop();
      logger.info('stopped');
      process.exit(exitCode);
    })();
    return stopping;
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  for (const service of services) {
    void service.exited.then((code) =>
      stop(`${service.name} exited with code ${code}`, code === 0 ? 1 : code),
    );
  }

  try {
    await waitForHealth(`${url}/healthz`, services, 120_000);
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
