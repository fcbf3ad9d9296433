import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, readlink } from 'node:fs/promises';
import path from 'node:path';

import { workerRoot } from './run-cli.js';

export interface AppProcess {
  child: ChildProcess;
  url: string;
  /** Everything `wirelens start` and its children printed so far. */
  output: { text: string };
  exited: Promise<number | null>;
  /** SIGKILLs the supervisor and whatever of its processes still run. */
  kill(): Promise<void>;
}

/** `wirelens start` as its own process, with only PATH and `env` besides. */
export function startAppProcess({ port, env }: { port: number; env: Record<string, string> }): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    cwd: workerRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      WIRELENS_ADMIN_EMAIL: 'admin@example.com',
      WIRELENS_ADMIN_PASSWORD: 'admin-password-1',
      // Only the bundled demo feeds, which the app serves itself: no network.
      WIRELENS_SEED_PUBLIC_FEEDS: 'false',
      ...env,
    },
  });
  const output = { text: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output,
    exited,
    async kill() {
      const children = child.pid === undefined ? [] : await childrenOf(child.pid);
      if (child.exitCode === null) child.kill('SIGKILL');
      for (const pid of children) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await exited;
    },
  };
}

/** The direct children of `pid` (Linux). */
export async function childrenOf(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return text.split(' ').filter(Boolean).map(Number);
}

/** The pid of the API's or the worker's process under `wirelens start`. */
export async function servicePid(appPid: number, app: 'api' | 'worker'): Promise<number | null> {
  for (const pid of await childrenOf(appPid)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    if (cmdline.includes('src/main.ts') && path.basename(cwd) === app) return pid;
  }
  return null;
}
