import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SIGNATURE_HEADER, verifyWebhookSignature } from '@wirelens/core/webhooks';

export interface ReceivedWebhook {
  body: string;
  headers: IncomingMessage['headers'];
  /** Whether Wirelens-Signature checked out against the secret known when it arrived. */
  signatureValid: boolean;
  receivedAt: number;
}

/** How the receiver answers its n-th request (0-based): a status, or `hang` to never answer. */
export type WebhookAnswer = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The signing secret to verify with (set once the endpoint was created). */
  secret: string;
  answer: (n: number, req: IncomingMessage) => WebhookAnswer;
  /** Resolves when `count` requests have arrived. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP receiver on 127.0.0.1 that verifies every request's signature the way the README
 * tells users to, records it, and answers as the test scripts (200 unless told otherwise).
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const waiters: { count: number; resolve: () => void }[] = [];
  const hanging: ServerResponse[] = [];
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    secret: '',
    answer: () => ({ status: 200, body: 'ok' }),
    waitFor: (count) =>
      receiver.received.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const n = receiver.received.length;
      const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
      receiver.received.push({
        body,
        headers: req.headers,
        signatureValid: verifyWebhookSignature({
          secret: receiver.secret,
          body,
          header: Array.isArray(header) ? header[0] : header,
        }),
        receivedAt: Date.now(),
      });
      for (const waiter of waiters.filter((w) => receiver.received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const answer = receiver.answer(n, req);
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      res.writeHead(answer.status, answer.headers).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}
