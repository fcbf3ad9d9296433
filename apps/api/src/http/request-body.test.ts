import { connect } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestApi, type TestApi } from '../testing/harness.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

/** What a client on a raw keep-alive connection receives until the server closes it. */
function postOversizedBody(bytes: number): Promise<{ received: string; error: Error | null }> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let error: Error | null = null;
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    socket.on('error', (e) => (error = e));
    socket.on('close', () => resolve({ received, error }));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(bytes, 'x'));
  });
}

describe('request bodies', () => {
  it('answers a 2 MB body with 413 and closes the connection cleanly', { timeout: 15_000 }, async () => {
    const { received, error } = await postOversizedBody(2_000_000);
    expect(error).toBeNull();
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    expect(received).toContain('"code":"PAYLOAD_TOO_LARGE"');
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'text/xml',
    'application/jsonp',
    null,
  ])('refuses a body sent as %s with 415 and a GraphQL error', async (contentType) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${api.users.VIEWER.token}`,
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      body:
        contentType === null
          ? new Blob([JSON.stringify({ query: '{ me { role } }' })])
          : '{"query":"{ me { role } }"}',
    });
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'Send the request body as JSON (Content-Type: application/json)',
          extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
        },
      ],
      // Refused before any analysis: nothing was spent.
      extensions: { cost: { requested: 0, depth: 0, limit: 10_000, maxDepth: 12 } },
    });
  });

  it.each(['application/json; charset=utf-8', 'Application/JSON', 'application/graphql-response+json'])(
    'accepts a body sent as %s',
    async (contentType) => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.users.VIEWER.token}`, 'content-type': contentType },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ data: { me: { role: 'VIEWER' } } });
    },
  );

  it('still answers GET queries that carry a preflight header', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { role } }')}`, {
      headers: { authorization: `Bearer ${api.users.VIEWER.token}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { me: { role: 'VIEWER' } } });
  });
});
