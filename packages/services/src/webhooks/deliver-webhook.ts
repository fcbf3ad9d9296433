import { AppError } from '@wirelens/core';
import { JOBS } from '@wirelens/core/jobs';
import {
  MAX_RETRY_AFTER_MS,
  PAUSE_AFTER_FAILURES,
  responseExcerpt,
  SIGNATURE_HEADER,
  signWebhook,
  slackMessageOf,
  verdictOfStatus,
  type AttemptVerdict,
  type WebhookEvent,
} from '@wirelens/core/webhooks';
import type { DbClient, WebhookDeliveryState } from '@wirelens/db';

import { postWebhook, type PostWebhookResult } from './post-webhook.js';
import type { WebhookConfig } from './webhook-config.js';
import { webhookEventsOf } from './webhook-event.js';

export const WEBHOOK_USER_AGENT = 'Wirelens-Webhooks/0.1';
/** Attempts per delivery: the first and the queue's retries. */
export const MAX_WEBHOOK_ATTEMPTS = JOBS.deliverWebhook.queue.retryLimit + 1;

export interface DeliverWebhookOptions {
  db: DbClient;
  deliveryId: number;
  config: WebhookConfig;
  signal?: AbortSignal;
  now?: () => Date;
}

/**
 * What became of an attempt. `retry`: try again later (after `retryAfterMs` when the receiver
 * said so); the other outcomes are final.
 */
export type DeliverWebhookOutcome =
  | { outcome: 'delivered' | 'failed' | 'skipped' | 'done' }
  | { outcome: 'retry'; retryAfterMs: number | null; error: string };

interface Attempt {
  verdict: AttemptVerdict;
  response: PostWebhookResult | null;
  error: string | null;
}

async function attempt(options: Parameters<typeof postWebhook>[0]): Promise<Attempt> {
  try {
    const response = await postWebhook(options);
    const verdict = verdictOfStatus(response.status);
    return { verdict, response, error: verdict === 'delivered' ? null : `HTTP ${response.status}` };
  } catch (error) {
    if (!AppError.is(error)) throw error;
    // A refused address will not become acceptable by waiting; timeouts and network errors may pass.
    return {
      verdict: error.code === 'BLOCKED_URL' ? 'refused' : 'retry',
      response: null,
      error: error.message,
    };
  }
}

interface EndpointState {
  enabled: boolean;
  pausedAt: Date | null;
  pauseReason: string | null;
}

/** Not to be sent now. A test event goes out to a paused endpoint too: it is how its owner checks a fixed receiver. */
function isHeld(endpoint: EndpointState, test: boolean): boolean {
  return !endpoint.enabled || (endpoint.pausedAt !== null && !test);
}

/**
 * Marks a pending delivery SKIPPED if its endpoint is still held, reading the endpoint FOR SHARE so a
 * concurrent resume either sees the skip (and re-queues it) or has committed (false: send it). Only a
 * skip because of a pause gets `skippedAt`, which makes it eligible for re-sending on resume.
 */
async function skipHeldDelivery(
  db: DbClient,
  deliveryId: number,
  endpointId: number,
  test: boolean,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [endpoint] = await tx.$queryRaw<EndpointState[]>`
      SELECT "enabled", "pausedAt", "pauseReason" FROM "WebhookEndpoint" WHERE "id" = ${endpointId} FOR SHARE`;
    if (!endpoint || !isHeld(endpoint, test)) return false;
    await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, state: 'PENDING' },
      data: {
        state: 'SKIPPED',
        skippedAt: endpoint.enabled ? new Date() : null,
        error: `Endpoint ${endpoint.enabled ? 'paused' : 'disabled'}: ${endpoint.pauseReason ?? 'turned off'}`,
      },
    });
    return true;
  });
}

/** What a delivered attempt records. */
interface Success {
  deliveryId: number;
  attempts: number;
  httpStatus: number | null;
  latencyMs: number | null;
  responseExcerpt: string | null;
  at: Date;
}

/** How long a success waits for others to be recorded with it. */
const RECORD_TOGETHER_MS = 10;

/**
 * Records successes of one fetch together: the answers that arrive within RECORD_TOGETHER_MS of
 * each other go in one statement, which also resets each endpoint's failure streak once. A
 * statement per success made each one update (and lock) its endpoint's row, so a fetch of a
 * hundred deliveries to one receiver queued on that lock. Each caller's promise settles when its
 * success is stored.
 */
function successRecorder(db: DbClient): (success: Success) => Promise<void> {
  let pending: { success: Success; resolve: () => void; reject: (error: Error) => void }[] = [];
  const flush = async (batch: typeof pending) => {
    // Typed arrays rather than one JSON document: a receiver's answer, cut at the excerpt's length,
    // may end in half a surrogate pair, which jsonb refuses and text stores as U+FFFD.
    const rows = batch.map(({ success }) => success);
    await db.$executeRaw`
      WITH d AS (
        UPDATE "WebhookDelivery" w SET "state" = 'DELIVERED', "attempts" = r."attempts",
               "httpStatus" = r."httpStatus", "latencyMs" = r."latencyMs",
               "responseExcerpt" = r."responseExcerpt", "error" = NULL,
               "lastAttemptAt" = r."at", "deliveredAt" = r."at"
          FROM unnest(${rows.map((r) => r.deliveryId)}::int[], ${rows.map((r) => r.attempts)}::int[],
                      ${rows.map((r) => r.httpStatus)}::int[], ${rows.map((r) => r.latencyMs)}::int[],
                      ${rows.map((r) => r.responseExcerpt)}::text[],
                      ${rows.map((r) => r.at.toISOString())}::timestamp(3)[])
               AS r("deliveryId", "attempts", "httpStatus", "latencyMs", "responseExcerpt", "at")
         WHERE w."id" = r."deliveryId" RETURNING w."endpointId", r."at")
      UPDATE "WebhookEndpoint" e SET "failureStreak" = 0, "lastDeliveryAt" = GREATEST(e."lastDeliveryAt", m."at")
        FROM (SELECT "endpointId", max("at") AS "at" FROM d GROUP BY "endpointId") m
       WHERE e."id" = m."endpointId"`;
  };
  return (success) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ success, resolve, reject });
      if (pending.length > 1) return;
      setTimeout(() => {
        const batch = pending;
        pending = [];
        flush(batch).then(
          () => batch.forEach((entry) => entry.resolve()),
          (error: unknown) => {
            const failure = error instanceof Error ? error : new Error(String(error));
            batch.forEach((entry) => entry.reject(failure));
          },
        );
      }, RECORD_TOGETHER_MS);
    });
}

type DeliveryWithEndpoint = NonNullable<Awaited<ReturnType<typeof loadDeliveries>>[number]>;

function loadDeliveries(db: DbClient, deliveryIds: readonly number[]) {
  return db.webhookDelivery.findMany({
    where: { id: { in: [...new Set(deliveryIds)] } },
    include: { endpoint: true },
  });
}

export interface DeliverWebhooksOptions extends Omit<DeliverWebhookOptions, 'deliveryId' | 'signal'> {
  deliveryIds: readonly number[];
  /** Each delivery's abort signal (its job's), in the order of `deliveryIds`. */
  signals?: readonly (AbortSignal | undefined)[];
}

/**
 * One attempt at each delivery: builds the event (JSON or Slack), signs it, POSTs it through the
 * SSRF guard and records the attempt on the delivery and the endpoint's failure streak. Safe to run
 * twice: a delivery that is no longer pending is left alone. A success resets the streak; the
 * PAUSE_AFTER_FAILURES-th failed attempt in a row pauses the endpoint; a 410 disables it.
 *
 * Several deliveries (a worker's fetch) are read together (three statements for all of them) and
 * sent side by side, each recorded as its answer arrives (successes arriving together in one
 * statement), so a slow receiver holds up no other.
 * Returns each delivery's outcome, in the order of `deliveryIds`.
 */
export async function deliverWebhooks({
  db,
  deliveryIds,
  config,
  signals = [],
  now = () => new Date(),
}: DeliverWebhooksOptions): Promise<DeliverWebhookOutcome[]> {
  const signalOf = new Map(deliveryIds.map((id, i) => [id, signals[i]]));
  const rows = new Map((await loadDeliveries(db, deliveryIds)).map((row) => [row.id, row]));
  const outcomes = new Map<number, DeliverWebhookOutcome>();
  const sendable: DeliveryWithEndpoint[] = [];
  for (const delivery of rows.values()) {
    // Gone with its endpoint or firing, or already settled by an earlier run of this job.
    if (delivery.state !== 'PENDING') continue;
    const test = delivery.eventType === 'test';
    if (isHeld(delivery.endpoint, test)) {
      if (await skipHeldDelivery(db, delivery.id, delivery.endpoint.id, test)) {
        outcomes.set(delivery.id, { outcome: 'skipped' });
        continue;
      }
      // Resumed meanwhile, before this delivery was marked skipped: the resume did not re-queue it,
      // so it is sent now, to the endpoint as it is now.
      const [fresh] = await loadDeliveries(db, [delivery.id]);
      if (!fresh || fresh.state !== 'PENDING') continue;
      sendable.push(fresh);
      continue;
    }
    sendable.push(delivery);
  }
  const events = await webhookEventsOf(db, sendable, config.publicUrl);
  const recordSuccess = successRecorder(db);
  await Promise.all(
    sendable.map(async (delivery, i) => {
      const event = events[i] as WebhookEvent;
      outcomes.set(
        delivery.id,
        await sendDelivery(db, delivery, event, {
          config,
          signal: signalOf.get(delivery.id),
          now,
          recordSuccess,
        }),
      );
    }),
  );
  return deliveryIds.map((id) => outcomes.get(id) ?? { outcome: 'done' });
}

/** `deliverWebhooks` for one delivery. */
export async function deliverWebhook({
  deliveryId,
  signal,
  ...options
}: DeliverWebhookOptions): Promise<DeliverWebhookOutcome> {
  const [outcome] = await deliverWebhooks({ ...options, deliveryIds: [deliveryId], signals: [signal] });
  return outcome ?? { outcome: 'done' };
}

async function sendDelivery(
  db: DbClient,
  delivery: DeliveryWithEndpoint,
  event: WebhookEvent,
  {
    config,
    signal,
    now,
    recordSuccess,
  }: {
    config: WebhookConfig;
    signal: AbortSignal | undefined;
    now: () => Date;
    recordSuccess: (success: Success) => Promise<void>;
  },
): Promise<DeliverWebhookOutcome> {
  const { endpoint } = delivery;
  const body = JSON.stringify(endpoint.format === 'SLACK' ? slackMessageOf(event) : event);
  const sentAt = now();
  const result = await attempt({
    url: endpoint.url,
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': WEBHOOK_USER_AGENT,
      [SIGNATURE_HEADER]: signWebhook(endpoint.secret, body, Math.floor(sentAt.getTime() / 1000)),
      'idempotency-key': delivery.idempotencyKey,
      'wirelens-event': delivery.eventType,
      'wirelens-delivery': String(delivery.id),
    },
    timeoutMs: config.timeoutMs,
    allowHosts: config.allowHosts,
    resolve: config.resolve,
    signal,
  });
  const attempts = delivery.attempts + 1;
  const lastAttempt = now();
  const retrying = result.verdict === 'retry' && attempts < MAX_WEBHOOK_ATTEMPTS;
  const state: WebhookDeliveryState =
    result.verdict === 'delivered' ? 'DELIVERED' : retrying ? 'PENDING' : 'FAILED';
  const recorded = {
    state,
    attempts,
    httpStatus: result.response?.status ?? null,
    latencyMs: result.response?.latencyMs ?? null,
    responseExcerpt: result.response ? responseExcerpt(result.response.body) : null,
    error: result.error,
    lastAttemptAt: lastAttempt,
  };

  if (result.verdict === 'delivered') {
    // The common case: recorded with the other successes of the fetch that arrive with it.
    await recordSuccess({
      deliveryId: delivery.id,
      attempts,
      httpStatus: recorded.httpStatus,
      latencyMs: recorded.latencyMs,
      responseExcerpt: recorded.responseExcerpt,
      at: lastAttempt,
    });
    return { outcome: 'delivered' };
  }

  await db.$transaction(async (tx) => {
    await tx.webhookDelivery.update({ where: { id: delivery.id }, data: recorded });
    const failed = await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failureStreak: { increment: 1 } },
      select: { failureStreak: true, pausedAt: true },
    });
    if (result.verdict === 'gone') {
      await tx.webhookEndpoint.update({
        where: { id: endpoint.id },
        data: { enabled: false, pausedAt: lastAttempt, pauseReason: 'The receiver answered 410 Gone' },
      });
    } else if (failed.failureStreak >= PAUSE_AFTER_FAILURES && failed.pausedAt === null) {
      await tx.webhookEndpoint.update({
        where: { id: endpoint.id },
        data: { pausedAt: lastAttempt, pauseReason: `${failed.failureStreak} failed attempts in a row` },
      });
    }
  });

  if (!retrying) return { outcome: 'failed' };
  const retryAfterMs =
    result.response?.retryAfterMs == null ? null : Math.min(result.response.retryAfterMs, MAX_RETRY_AFTER_MS);
  return { outcome: 'retry', retryAfterMs, error: result.error ?? 'failed' };
}
