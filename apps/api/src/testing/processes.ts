import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { vi } from 'vitest';

import { findFreePort } from '@wirelens/core/net';

export const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const workerRoot = path.resolve(apiRoot, '../worker');

export interface Child {
  child: ChildProcess;
  output: { text: string };
  exited: Promise<number | null>;
}

/** `src/main.ts` of the app in `cwd` as its own process (production mode, JSON logs), with only PATH and `env`. */
export function startProcess(cwd: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_PRETTY: 'false', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { text: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

export interface ApiPair {
  /** The two API processes' base URLs. */
  a: string;
  b: string;
  processes: Child[];
  /** SIGKILLs all three and waits for them. */
  stop(): Promise<void>;
}

/**
 * Two API processes (each with `apiEnv` on top of DATABASE_URL, HOST and PORT) and one worker (allowed to
 * fetch from 127.0.0.1, no public feeds) on one database, as behind a load balancer; resolves once both
 * APIs answer /healthz.
 */
export async function startApiPairAndWorker(
  databaseUrl: string,
  apiEnv: Record<string, string> = {},
): Promise<ApiPair> {
  const [portA, portB] = [await findFreePort(), await findFreePort()];
  const env = { DATABASE_URL: databaseUrl, HOST: '127.0.0.1', ...apiEnv };
  const processes = [
    startProcess(apiRoot, { ...env, PORT: String(portA) }),
    startProcess(apiRoot, { ...env, PORT: String(portB) }),
    startProcess(workerRoot, {
      DATABASE_URL: databaseUrl,
      FETCH_ALLOW_HOSTS: '127.0.0.1',
      WIRELENS_SEED_PUBLIC_FEEDS: 'false',
    }),
  ];
  const a = `http://127.0.0.1:${portA}`;
  const b = `http://127.0.0.1:${portB}`;
  await vi.waitFor(
    async () => {
      for (const [index, url] of [a, b].entries()) {
        const answer = await fetch(`${url}/healthz`).catch(() => null);
        if (answer?.status !== 200) throw new Error(`API ${index} not up:\n${processes[index]?.output.text}`);
      }
    },
    { timeout: 240_000, interval: 500 },
  );
  return {
    a,
    b,
    processes,
    async stop() {
      for (const { child, exited } of processes) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
