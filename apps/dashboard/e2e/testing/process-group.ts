import { spawn } from 'node:child_process';

export interface AppProcess {
  /** Everything the process printed so far (stdout and stderr), for failure messages. */
  output: () => string;
  /** Settles when the process exits. */
  exited: Promise<void>;
  hasExited: () => boolean;
  /** Adds a listener for each chunk the process prints on stdout. */
  onStdout: (listener: () => void) => () => void;
  /** SIGTERM to the whole group, SIGKILL once `graceMs` has passed and to any child that ignored it. */
  stop: (graceMs: number) => Promise<void>;
}

/**
 * Another app's entry point run with tsx as a production process, never imported (apps never import each
 * other). It gets its own process group, so stopping it reaches its children too (a `vite preview` or worker
 * child can outlive its parent and keep the port), and only PATH from this environment.
 */
export function startAppProcess(options: {
  cwd: string;
  args: readonly string[];
  env: Record<string, string>;
}): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...options.args], {
    cwd: options.cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', HOST: '127.0.0.1', ...options.env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const pid = child.pid;
  return {
    output: () => output,
    exited,
    hasExited,
    onStdout(listener) {
      child.stdout.on('data', listener);
      return () => child.stdout.off('data', listener);
    },
    async stop(graceMs) {
      if (pid === undefined) return;
      if (!hasExited()) {
        signalGroup(pid, 'SIGTERM');
        const stopped = await Promise.race([exited.then(() => true), delay(graceMs).then(() => false)]);
        if (!stopped) {
          signalGroup(pid, 'SIGKILL');
          await exited;
        }
      }
      // Children that ignored the supervisor's SIGTERM must not keep the port.
      signalGroup(pid, 'SIGKILL');
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
