import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { findFreePort } from '@wirelens/core/net';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ApiProcess {
  url: string;
  child: ChildProcess;
}

/**
 * The API's `src/main.ts` as its own process (production mode, JSON logs, only PATH and `env` on top of
 * DATABASE_URL, HOST and a free PORT); resolves once /healthz answers. Usable outside vitest (benches).
 */
export async function startApiProcess(
  databaseUrl: string,
  {
    env = {},
    stderr = 'inherit',
    timeoutMs = 240_000,
  }: { env?: Record<string, string>; stderr?: 'inherit' | 'ignore'; timeoutMs?: number } = {},
): Promise<ApiProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiRoot,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_PRETTY: 'false',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', stderr],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + timeoutMs; ;) {
    if (child.exitCode !== null) throw new Error(`the API process exited with ${child.exitCode}`);
    const answer = await fetch(`${url}/healthz`).catch(() => null);
    if (answer?.status === 200) return { url, child };
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the API process did not answer /healthz within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
