export { BUILTIN_ANALYZER_CONFIG } from './analyzer-config.js';
export { respond, rssFeed, startFeedServer, type FeedServer, type Route } from './feed-server.js';
export {
  startIngestTestbed,
  testIngestConfig,
  useIngestTestbed,
  type IngestTestbed,
} from './ingest-testbed.js';
export { expectedQueueSettings, readQueueSettings, type QueueSettings } from './queue-settings.js';
export { startSmtpSink, type SmtpSink } from './smtp-sink.js';
export {
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookAnswer,
  type WebhookReceiver,
} from './webhook-receiver.js';
export { createAlertFixture } from './alert-fixture.js';
