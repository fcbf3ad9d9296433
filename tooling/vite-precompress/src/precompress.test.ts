import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { afterEach, describe, expect, it } from 'vitest';

import { precompressDirectory } from './precompress.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('precompressDirectory', () => {
  it('writes brotli and gzip twins of text assets that decompress to the original', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'wl-precompress-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'assets'));
    const script = `export const chart = ${JSON.stringify('chart data '.repeat(5_000))};\n`;
    await writeFile(path.join(dir, 'assets', 'chart-abc123.js'), script);
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 7));

    await precompressDirectory(dir);

    expect((await readdir(dir, { recursive: true })).sort()).toEqual([
      'assets',
      'assets/chart-abc123.js',
      'assets/chart-abc123.js.br',
      'assets/chart-abc123.js.gz',
      'assets/logo.png',
      'index.html',
    ]);
    const br = await readFile(path.join(dir, 'assets', 'chart-abc123.js.br'));
    const gz = await readFile(path.join(dir, 'assets', 'chart-abc123.js.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(script);
    expect(gunzipSync(gz).toString()).toBe(script);
    expect(br.length).toBeLessThan(script.length / 10);
  });
});
