import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { precompressDirectory } from '@wirelens/vite-precompress';

import { startTestApi, type TestApi } from '../testing/harness.js';
import { rawGet } from '../testing/raw-get.js';

let api: TestApi;
let root: string;
const script = `export const chart = ${JSON.stringify('x'.repeat(50_000))};\n`;
const SECRET = 'not for the web';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'wl-dashboard-'));
  const dashboard = path.join(root, 'dashboard');
  await mkdir(path.join(dashboard, 'assets'), { recursive: true });
  await writeFile(path.join(dashboard, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(dashboard, 'assets', 'chart-abc123.js'), script);
  // As `pnpm build` leaves it: .br and .gz twins next to the asset.
  await precompressDirectory(dashboard);
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  api = await startTestApi({ server: { dashboardDir: dashboard } });
});
afterAll(async () => {
  await api.close();
  await rm(root, { recursive: true, force: true });
});

const get = (urlPath: string, headers: Record<string, string> = {}) => rawGet(api.url, urlPath, headers);

describe('dashboard files', () => {
  it('sends the precompressed asset the client accepts, with long caching for hashed names', async () => {
    const brotli = await get('/assets/chart-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toBe('Accept-Encoding');
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(brotli.body).toString()).toBe(script);

    for (const accepted of ['gzip', 'br;q=0, gzip;q=0.5']) {
      const gzip = await get('/assets/chart-abc123.js', { 'accept-encoding': accepted });
      expect(gzip.headers['content-encoding'], accepted).toBe('gzip');
      expect(gunzipSync(gzip.body).toString()).toBe(script);
    }
    for (const accepted of ['identity', 'gzip;q=0, deflate']) {
      const plain = await get('/assets/chart-abc123.js', { 'accept-encoding': accepted });
      expect(plain.headers['content-encoding'], accepted).toBeUndefined();
      expect(plain.body.toString()).toBe(script);
    }
  });

  it('falls back to index.html for client-side routes, never cached', async () => {
    for (const route of ['/', '/companies/nvidia']) {
      const page = await get(route);
      expect(page.status, route).toBe(200);
      expect(page.headers['cache-control'], route).toBe('no-cache');
      expect(page.body.toString(), route).toContain('<div id="root">');
    }
  });

  it('answers 404 for a missing asset and for paths that climb out of the directory', async () => {
    const missing = await get('/assets/chart-000000.js');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString())).toEqual({ error: 'not found' });
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) {
      const response = await get(attempt);
      expect(response.status, attempt).toBe(404);
      expect(response.body.toString(), attempt).not.toContain(SECRET);
    }
    // Encoded separators keep the path inside the directory: an unknown client-side route.
    for (const attempt of ['/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await get(attempt);
      expect(response.body.toString(), attempt).toContain('<div id="root">');
    }
  });

  it('asks whether the dashboard is built only when its directory has no index.html', async () => {
    const unbuilt = await startTestApi({ server: { dashboardDir: root } });
    try {
      const response = await rawGet(unbuilt.url, '/');
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body.toString())).toEqual({
        error: 'not found (is the dashboard built? run `pnpm build`)',
      });
    } finally {
      await unbuilt.close();
    }
  });
});
