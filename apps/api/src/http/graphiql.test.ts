import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestApi, type TestApi } from '../testing/harness.js';

let api: TestApi;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wl-graphiql-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Wirelens GraphiQL</title>');
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
});
