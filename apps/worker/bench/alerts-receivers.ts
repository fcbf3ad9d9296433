import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { DbClient } from '@wirelens/db';
import { createApiToken } from '@wirelens/services/tokens';

// Bench-only reach into the API app: its graphql-ws test client, so the bench subscribes as the dashboard does.
import { startApiProcess } from '../../api/src/testing/api-process.js';
import { connectLive, type LiveClient } from '../../api/src/testing/live-client.js';

/** One message a receiver got: what identifies it (to count losses and repeats), its firing, when. */
export interface ReceivedEvent {
  key: string;
  firingId: number;
  receivedAt: number;
}

/** A way alerts leave Wirelens, measured by `bench:alerts`: webhooks and GraphQL subscriptions. */
export interface Receiver {
  name: string;
  /** Before articles flow: create endpoints, open subscriptions… for these users. */
  prepare(context: { db: DbClient; userIds: number[] }): Promise<void>;
  /** Everything received so far. */
  events: ReceivedEvent[];
  /** After the run: the keys that should each have arrived exactly once. */
  expectedKeys(db: DbClient): Promise<string[]>;
  close(): Promise<void>;
}

/** A local HTTP server with one webhook endpoint per user (`/u/<user id>`), answering 200 at once. */
export async function webhookReceiver(): Promise<Receiver> {
  const events: ReceivedEvent[] = [];
  const server = createServer((req, res) => {
    // The body is not needed: the idempotency key names the firing.
    req.resume();
    req.on('end', () => {
      const receivedAt = Date.now();
      const idempotencyKey = String(req.headers['idempotency-key']);
      events.push({
        key: `${req.url ?? ''}|${idempotencyKey}`,
        // A firing's deliveries carry `firing-<id>`.
        firingId: Number(idempotencyKey.replace('firing-', '')),
        receivedAt,
      });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    name: 'webhook',
    events,
    async prepare({ db, userIds }) {
      await db.webhookEndpoint.createMany({
        data: userIds.map((ownerId) => ({
          ownerId,
          name: 'bench',
          url: `${base}/u/${ownerId}`,
          secret: 'whsec_bench',
        })),
      });
    },
    async expectedKeys(db) {
      const rows = await db.webhookDelivery.findMany({
        where: { eventType: 'alert.fired' },
        select: { idempotencyKey: true, endpoint: { select: { ownerId: true } } },
      });
      return rows.map((row) => `/u/${row.endpoint.ownerId}|${row.idempotencyKey}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A relay global id's row id ("Article:12" in base64). */
const rowIdOf = (globalId: string) =>
  Number(Buffer.from(globalId, 'base64').toString('utf8').split(':').pop());

interface Fired {
  alertFired: { id: string };
}

/**
 * An API process and, for each user, one graphql-ws connection (their API token in
 * connection_init) subscribed to `alertFired`, as the dashboard's bell is: each firing of the
 * user's rules should arrive once.
 */
export async function subscriptionReceiver(databaseUrl: string): Promise<Receiver> {
  const events: ReceivedEvent[] = [];
  const api = await startApiProcess(databaseUrl, {
    stderr: process.env.BENCH_VERBOSE ? 'inherit' : 'ignore',
  });
  const clients: LiveClient[] = [];
  return {
    name: 'subscription',
    events,
    async prepare({ db, userIds }) {
      for (const userId of userIds) {
        const token = await createApiToken({ db, actor: { userId }, name: 'bench' });
        const client = connectLive(api.url, { token: token.secret });
        clients.push(client);
        await client.connected;
        client.client.subscribe<Fired>(
          { query: 'subscription { alertFired { id } }' },
          {
            next: (value) => {
              const fired = value.data?.alertFired;
              if (!fired) return;
              const firingId = rowIdOf(fired.id);
              events.push({ key: `${userId}|${firingId}`, firingId, receivedAt: Date.now() });
            },
            error: (error) =>
              process.stderr.write(`\nsubscription of user ${userId}: ${JSON.stringify(error)}\n`),
            complete: () => undefined,
          },
        );
      }
      // The subscriptions are set up on the server once it answered each connection; give the
      // LISTEN side a moment before articles flow.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    },
    async expectedKeys(db) {
      const rows = await db.alertFiring.findMany({
        select: { id: true, rule: { select: { ownerId: true } } },
      });
      return rows.map((row) => `${row.rule.ownerId}|${row.id}`);
    },
    async close() {
      for (const client of clients) await client.dispose();
      const exited = new Promise((resolve) => api.child.once('exit', resolve));
      api.child.kill('SIGTERM');
      await exited;
    },
  };
}
