import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestApi, type TestApi } from '../testing/harness.js';

let api: TestApi;
let dir: string;
const script = `export const chart = ${JSON.stringify('x'.repeat(50_000))};\n`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wl-dashboard-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(dir, 'assets', 'chart-abc123.js'), script);
  api = await startTestApi({ server: { dashboardDir: dir } });
});
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would decompress and hide the encoding). */
function get(urlPath: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(`${api.url}${urlPath}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('dashboard files', () => {
  it('gzips text assets for clients that accept it, with long caching for hashed names', async () => {
    const zipped = await get('/assets/chart-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(zipped.headers['cache-control']).toContain('immutable');
    expect(zipped.body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(zipped.body).toString()).toBe(script);

    for (const encoding of ['identity', 'gzip;q=0, br']) {
      const plain = await get('/assets/chart-abc123.js', { 'accept-encoding': encoding });
      expect(plain.headers['content-encoding'], encoding).toBeUndefined();
      expect(plain.body.toString()).toBe(script);
    }
  });

  it('falls back to index.html for client-side routes, never cached', async () => {
    const page = await get('/companies/nvidia', {});
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body.toString()).toContain('<div id="root">');
  });
});
