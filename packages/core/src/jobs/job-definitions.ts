import { z } from 'zod';

/**
 * How pg-boss keeps a job's queue. `exclusive` allows one queued-or-active job per singleton key,
 * so a burst of requests for one source or article never queues the same work twice.
 */
export interface QueuePolicy {
  /** `stately`: one queued and one active job per key, so a running job can queue its continuation. */
  policy: 'standard' | 'exclusive' | 'stately';
  /** Retries after the first attempt before the job goes to its dead-letter queue. */
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** How long a running job may take before it is considered lost and retried. */
  expireInSeconds: number;
  /** A worker that dies holding the job loses it after this many seconds without a heartbeat (≥ 10). */
  heartbeatSeconds: number | null;
}

/** One queued job: its name, payload schema and queue policy, in one place for every process. */
export interface JobDefinition<Name extends string = string, Payload extends z.ZodType = z.ZodType> {
  name: Name;
  payload: Payload;
  queue: QueuePolicy;
  /** Cron expression for a periodic job (pg-boss schedule, minute resolution). */
  cron: string | null;
  /** How workers take the job; default: one per fetch, polled every 2 s. */
  fetch?: JobFetch;
}

/** For jobs that come in bursts or that someone waits on (an alert on its way): taken several at a time. */
export interface JobFetch {
  /**
   * Jobs one worker slot takes per fetch (it fetches again at once while fetches come back full):
   * a batch handler works them together, others run side by side.
   */
  batchSize: number;
  /** The queue NOTIFYs on insert, waking idle workers at once instead of at their next poll. */
  notify: boolean;
}

/** Alert evaluation: an analysed batch's articles are evaluated together, the moment they are queued. */
const ALERT_EVALUATION_FETCH: JobFetch = { batchSize: 100, notify: true };
/**
 * Alert deliveries (webhooks, e-mail) run side by side, taken the moment they are queued. Five per
 * slot: WORKER_CONCURRENCY × 5 deliveries share the process's 10 database connections (with 100
 * per slot, deliveries timed out waiting for a transaction).
 */
const ALERT_DELIVERY_FETCH: JobFetch = { batchSize: 5, notify: true };
/**
 * Webhooks: a fetch's deliveries are read together (three statements for the batch) and sent side
 * by side, the successes that arrive together recorded in one statement. A hundred per slot: a
 * firing transaction queues up to 250 deliveries at once, and at twenty per slot the later ones
 * waited for several rounds of fetches (bench:alerts p50 0.9 s at 20-50, 0.55-0.6 s at 100).
 */
const WEBHOOK_DELIVERY_FETCH: JobFetch = { batchSize: 100, notify: true };

/**
 * Full-text extraction: a feed's new teasers arrive together, and one job at a time left a slot
 * waiting out the 2 s poll between pages. Five per fetch run side by side (the per-host limit
 * still applies) and a full fetch fetches again at once; no NOTIFY, nobody waits on one page.
 */
const EXTRACTION_FETCH: JobFetch = { batchSize: 5, notify: false };

/** Where jobs go that failed every attempt or can never run (an invalid payload). */
export function deadLetterQueueOf(job: Pick<JobDefinition, 'name'>): string {
  return `${job.name}__dead`;
}

function defineJob<Name extends string, Payload extends z.ZodType>(
  definition: JobDefinition<Name, Payload>,
): JobDefinition<Name, Payload> {
  return definition;
}

const id = z.number().int().positive();

/** Sending one e-mail: retried with backoff from a minute for about a day of SMTP trouble. */
const EMAIL_SEND_QUEUE: QueuePolicy = {
  policy: 'exclusive',
  retryLimit: 10,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 180,
  heartbeatSeconds: null,
};

/**
 * Every job Wirelens queues. The API and the CLI send some of them, the worker handles all of
 * them, and every process that does either creates or corrects the queues from these definitions.
 */
export const JOBS = {
  /** Periodic: finds sources whose next attempt is due and queues a fetch for each. */
  pollSources: defineJob({
    name: 'ingest-poll-sources',
    payload: z.object({}).strict(),
    queue: {
      policy: 'exclusive',
      retryLimit: 0,
      retryDelaySeconds: 0,
      retryBackoff: false,
      expireInSeconds: 60,
      heartbeatSeconds: null,
    },
    cron: '* * * * *',
  }),
  /** Fetch one source's feed, parse it and upsert its items. */
  fetchSource: defineJob({
    name: 'ingest-fetch-source',
    payload: z.object({ sourceId: id, force: z.boolean().default(false) }),
    queue: {
      policy: 'exclusive',
      retryLimit: 3,
      retryDelaySeconds: 15,
      retryBackoff: true,
      expireInSeconds: 300,
      heartbeatSeconds: 10,
    },
    cron: null,
  }),
  /** Fetch an article's page and extract its main text when the feed carried only a teaser. */
  extractFullText: defineJob({
    name: 'ingest-extract-full-text',
    payload: z.object({ articleId: id }),
    queue: {
      policy: 'exclusive',
      retryLimit: 3,
      retryDelaySeconds: 30,
      retryBackoff: true,
      expireInSeconds: 180,
      heartbeatSeconds: 10,
    },
    cron: null,
    fetch: EXTRACTION_FETCH,
  }),
  /** Run an analyzer on an article and store the result as a new analysis row. */
  analyzeArticle: defineJob({
    name: 'analysis-analyze-article',
    payload: z.object({
      articleId: id,
      /** Analyzer to use; default: the configured one. */
      analyzer: z.enum(['builtin', 'llm']).optional(),
      /** coverage: another source joined the article's story; only built-in runs are redone (importance counts sources). */
      reason: z.enum(['new', 'changed', 'reanalyze', 'coverage']).default('new'),
    }),
    queue: {
      policy: 'exclusive',
      retryLimit: 3,
      retryDelaySeconds: 20,
      retryBackoff: true,
      expireInSeconds: 600,
      heartbeatSeconds: 30,
    },
    cron: null,
  }),
  /**
   * Re-runs the current HTML sanitiser over article HTML stored by an older one, a slice at a time;
   * each slice queues the next, so a big archive is done in the background without holding a job for hours.
   */
  resanitizeArticles: defineJob({
    name: 'articles-resanitize',
    payload: z.object({}).strict(),
    queue: {
      policy: 'stately',
      retryLimit: 5,
      retryDelaySeconds: 60,
      retryBackoff: true,
      expireInSeconds: 900,
      heartbeatSeconds: 30,
    },
    cron: null,
  }),
  /** Periodic: drops the full text of articles older than WIRELENS_RETENTION_DAYS (nothing when unset). */
  applyRetention: defineJob({
    name: 'maintenance-apply-retention',
    payload: z.object({}).strict(),
    queue: {
      policy: 'exclusive',
      retryLimit: 2,
      retryDelaySeconds: 600,
      retryBackoff: true,
      expireInSeconds: 3600,
      heartbeatSeconds: 60,
    },
    cron: '17 3 * * *',
  }),
  /**
   * Trains a learned model from editors' decisions (and activates it when it beats the built-in
   * analyzer). Periodic: trains when WIRELENS_LEARN_EVERY new decisions arrived since the last
   * model; `force` (an admin, `wirelens learn`) trains now.
   */
  learnAnalyzer: defineJob({
    name: 'analysis-learn',
    payload: z.object({ force: z.boolean().default(false), requestedById: id.optional() }).strict(),
    queue: {
      policy: 'exclusive',
      retryLimit: 1,
      retryDelaySeconds: 300,
      retryBackoff: false,
      expireInSeconds: 1800,
      heartbeatSeconds: 60,
    },
    cron: '*/10 * * * *',
  }),
  /**
   * Evaluates the alert rules covering one article on its effective values: queued after an analysis
   * is stored and after an editor's correction. `stately`: one waiting job per article, and a
   * correction during a running evaluation still gets its own run. Workers take up to 100 at once
   * (an analysed batch's articles) and evaluate them together, set-based.
   */
  evaluateArticleAlerts: defineJob({
    name: 'alerts-evaluate-article',
    payload: z.object({ articleId: id }).strict(),
    queue: {
      policy: 'stately',
      retryLimit: 3,
      retryDelaySeconds: 10,
      retryBackoff: true,
      expireInSeconds: 120,
      heartbeatSeconds: null,
    },
    cron: null,
    fetch: ALERT_EVALUATION_FETCH,
  }),
  /**
   * The window rules (shift, attention, anomaly) an evaluated batch of articles reached, evaluated
   * apart from the article rules so an article alert never waits behind window reads. Workers take
   * up to 100 at once and evaluate the union of their rules once, so rules reached by batch after
   * batch while a pass runs are read once in the next pass (coalesced), not once per batch.
   */
  evaluateWindowRules: defineJob({
    name: 'alerts-evaluate-window-rules',
    payload: z.object({ ruleIds: z.array(id).min(1).max(100_000) }).strict(),
    queue: {
      policy: 'standard',
      retryLimit: 3,
      retryDelaySeconds: 10,
      retryBackoff: true,
      expireInSeconds: 600,
      heartbeatSeconds: null,
    },
    cron: null,
    fetch: ALERT_EVALUATION_FETCH,
  }),
  /** Periodic: window rules (sentiment shift, attention, anomaly) for the windows ending now. */
  evaluateWindowAlerts: defineJob({
    name: 'alerts-evaluate-windows',
    payload: z.object({}).strict(),
    queue: {
      policy: 'exclusive',
      retryLimit: 1,
      retryDelaySeconds: 60,
      retryBackoff: false,
      expireInSeconds: 600,
      heartbeatSeconds: null,
    },
    cron: '*/5 * * * *',
  }),
  /**
   * E-mails one firing of a rule set to immediate e-mail; queued in the firing's own transaction.
   * Retried with backoff for about a day of SMTP trouble, then dead-lettered; the delivery row's
   * unique key keeps a retry or a second worker from sending it twice.
   */
  sendFiringEmail: defineJob({
    name: 'email-send-firing',
    payload: z.object({ firingId: id }).strict(),
    queue: EMAIL_SEND_QUEUE,
    cron: null,
    fetch: ALERT_DELIVERY_FETCH,
  }),
  /** Periodic (hourly): queues the daily digest of each user with digest firings once its hour has passed. */
  queueDigestEmails: defineJob({
    name: 'email-queue-digests',
    payload: z.object({}).strict(),
    queue: {
      policy: 'exclusive',
      retryLimit: 1,
      retryDelaySeconds: 300,
      retryBackoff: false,
      expireInSeconds: 300,
      heartbeatSeconds: null,
    },
    cron: '3 * * * *',
  }),
  /** One user's daily digest for the 24 hours ending at `periodEnd` (nothing sent when empty). */
  sendDigestEmail: defineJob({
    name: 'email-send-digest',
    payload: z.object({ userId: id, periodEnd: z.iso.datetime() }).strict(),
    queue: EMAIL_SEND_QUEUE,
    cron: null,
  }),
  /**
   * Sends one webhook delivery (an alert firing or a test event) to its endpoint. Queued in the
   * transaction that records the firing. Failed attempts (5xx, 408, 429, timeouts, network errors)
   * are retried with exponential backoff (5–10 s, 10–20 s, 20–40 s … about an hour in all); a
   * Retry-After is honoured by a continuation job (worker jobs/deliver-webhook.ts). A worker that
   * dies mid-delivery loses its claim after the heartbeat and another worker sends it again.
   */
  deliverWebhook: defineJob({
    name: 'webhooks-deliver',
    payload: z.object({ deliveryId: id }).strict(),
    queue: {
      policy: 'standard',
      retryLimit: 9,
      retryDelaySeconds: 5,
      retryBackoff: true,
      expireInSeconds: 60,
      heartbeatSeconds: 10,
    },
    cron: null,
    fetch: WEBHOOK_DELIVERY_FETCH,
  }),
} as const;

export type AnyJobDefinition = (typeof JOBS)[keyof typeof JOBS];
/** What a producer sends (defaults may be left out). */
export type JobInput<Job extends JobDefinition> = z.input<Job['payload']>;
/** What a handler receives (defaults filled in). */
export type JobPayload<Job extends JobDefinition> = z.output<Job['payload']>;
