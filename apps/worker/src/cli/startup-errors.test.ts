import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { runCli, type CliResult } from '../testing/run-cli.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-startup-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** `wirelens migrate` with `dir` mounted read-only in a mount namespace of its own (needs root, as on CI). */
function migrateOnReadOnly(dir: string): Promise<CliResult> {
  const remount = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"';
  return runCli(['migrate'], {
    env: { WIRELENS_DATA_DIR: dir },
    via: ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', remount, dir],
  });
}

describe('start-up errors name their cause', { timeout: 180_000 }, () => {
  it('refuses a port in use before starting anything, naming the port and what to do', async () => {
    const dataDir = await tempDir();
    const other = net.createServer((socket) => socket.end('HTTP/1.1 200 OK\r\n\r\n'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => other.close(() => resolve())));
    const port = (other.address() as net.AddressInfo).port;

    const result = await runCli(['start'], {
      env: { WIRELENS_DATA_DIR: dataDir, PORT: String(port), WIRELENS_SEED_PUBLIC_FEEDS: 'false' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(result.stderr).toContain(`PORT=${port + 1} pnpm start`);
    expect(result.stderr).not.toContain('EADDRINUSE');
    expect(result.stdout).not.toContain('Wirelens ready');
    // Nothing was started: no database was created.
    expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);
  });

  it('names a corrupt pg-credentials.json', async () => {
    const dataDir = await tempDir();
    const file = path.join(dataDir, 'pg-credentials.json');
    await writeFile(file, '{"user":');
    const result = await runCli(['migrate'], { env: { WIRELENS_DATA_DIR: dataDir } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: ${file} is corrupt`);
    expect(result.stderr).not.toContain('SyntaxError');
  });

  it('says a read-only data directory is read-only', async () => {
    const dataDir = await tempDir();
    const result = await migrateOnReadOnly(dataDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: The data directory ${dataDir} is unusable: ${dataDir} is on a read-only file system`,
    );
    expect(result.stderr).not.toContain('ENOENT');
  });

  it('fails at once, with a message, on a data directory like /proc/x', async () => {
    const result = await runCli(['migrate'], { env: { WIRELENS_DATA_DIR: '/proc/wirelens-x' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error: The data directory /proc/wirelens-x is unusable: /proc does not accept new directories',
    );
    expect(result.stderr).toContain('set WIRELENS_DATA_DIR to a writable directory');
  });
});
