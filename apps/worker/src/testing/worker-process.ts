import { spawn, type ChildProcess } from 'node:child_process';

import { workerRoot } from './run-cli.js';

export interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Everything the worker wrote to stderr (its log) so far. */
  log: { text: string };
  /** SIGKILLs the worker (if still running) and waits for it to exit. */
  kill(): Promise<void>;
}

/** Starts `src/main.ts` as its own process on `databaseUrl`, with only PATH and `env` besides. */
export function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerRoot,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log = { text: '' };
  child.stderr?.on('data', (chunk: Buffer) => (log.text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    log,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
