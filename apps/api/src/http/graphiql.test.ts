import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { precompressDirectory } from '@wirelens/vite-precompress';

import { startTestApi, type TestApi } from '../testing/harness.js';
import { rawGet } from '../testing/raw-get.js';

let api: TestApi;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wl-graphiql-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Wirelens GraphiQL</title>');
  await writeFile(
    path.join(dir, 'assets', 'editor-abc123.js'),
    `export const editor = '${'e'.repeat(20_000)}';\n`,
  );
  await precompressDirectory(dir);
  api = await startTestApi({ server: { graphiqlDir: dir } });
});
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GraphiQL', () => {
  it('serves the bundled page at /graphiql and no CDN landing page at /graphql', async () => {
    const page = await fetch(`${api.url}/graphiql`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Wirelens GraphiQL');
    const landing = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(/apollographql|embeddable-sandbox|cdn\./i);
  });

  it('serves its hashed assets precompressed and immutable, and nothing it does not have', async () => {
    const asset = await rawGet(api.url, '/graphiql/assets/editor-abc123.js', { 'accept-encoding': 'br' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toContain('immutable');
    // GraphiQL has no client-side routes: an unknown path is not its page.
    const unknown = await rawGet(api.url, '/graphiql/queries/saved');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString())).toEqual({ error: 'not found' });
  });

  it('lets GraphiQL load the fonts its bundled CSS carries, and the dashboard no fonts from elsewhere', async () => {
    // Every font GraphiQL's stylesheet uses is inlined as a data: URI (codicons, Fira Code, Roboto).
    const css = await readFile(createRequire(import.meta.url).resolve('graphiql/style.css'), 'utf8');
    const fontSources = [...css.matchAll(/@font-face\s*{[^}]*}/g)].flatMap((face) =>
      [...face[0].matchAll(/url\(["']?([a-z]+:)?/g)].map((url) => url[1] ?? 'relative'),
    );
    expect(fontSources.length).toBeGreaterThan(0);
    expect(new Set(fontSources)).toEqual(new Set(['data:']));

    const page = await fetch(`${api.url}/graphiql`);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("font-src 'self' data:");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    const dashboard = await fetch(`${api.url}/`);
    expect(dashboard.headers.get('content-security-policy')).not.toContain('font-src');
  });
});
