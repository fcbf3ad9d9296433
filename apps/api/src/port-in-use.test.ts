import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let database: TestDatabase;
let other: net.Server;

beforeAll(async () => {
  database = await createTestDatabase();
  other = net.createServer();
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => other.close(resolve));
  await database.drop();
});

// `wirelens start` checks the port first, but another program can take it before the API binds.
it('exits with a message naming the port when it is taken', async () => {
  const port = (other.address() as net.AddressInfo).port;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiRoot,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: database.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_PRETTY: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(1);
  expect(output).toContain(`port ${port} on 127.0.0.1 is already in use`);
  expect(output).not.toContain('EADDRINUSE');
}, 180_000);
