/** The embedded server as an operating-system process: is it running, and is the Wirelens that started it still alive. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

async function commandLine(pid: number): Promise<string | null> {
  return readFile(`/proc/${pid}/cmdline`, 'utf8').then(
    (text) => text.replaceAll('\0', ' '),
    () => null,
  );
}

/**
 * The Node process that started the server and still runs it (`wirelens start` or a CLI command), or null for
 * an orphan. postgres is spawned by that process, so it is the server's parent until it dies; then the server
 * is handed to init or a subreaper, which is not a Node process.
 */
async function ownerOf(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  // Without /proc (macOS) there is no telling: never stop a server that may be in use.
  if (stat === null) return -1;
  // "pid (comm) state ppid …"; comm may contain spaces and parentheses.
  const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if (!Number.isInteger(parent) || parent <= 1) return null;
  const program = ((await commandLine(parent)) ?? '').split(' ')[0] ?? '';
  return path.basename(program).startsWith('node') ? parent : null;
}

export interface RunningServer {
  pid: number;
  port: number;
  /** The live process that started the server (-1: unknown), or null when it died and left the server orphaned. */
  ownerPid: number | null;
}

/**
 * The server running on `clusterDir`, from its `postmaster.pid` (pid, data directory, start time,
 * port, socket directory, listen address, shared memory key, status), or null.
 */
export async function findRunningServer(clusterDir: string): Promise<RunningServer | null> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  if (!isAlive(pid)) return null;
  // After a crash the pid may belong to another program by now.
  const command = await commandLine(pid);
  if (command !== null && !(command.includes('postgres') && command.includes(clusterDir))) return null;
  return { pid, port, ownerPid: await ownerOf(pid) };
}
