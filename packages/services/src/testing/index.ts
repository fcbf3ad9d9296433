export { rssFeed, startFeedServer, type FeedServer, type Route } from './feed-server.js';
export { startIngestTestbed, testIngestConfig, type IngestTestbed } from './ingest-testbed.js';
export { expectedQueueSettings, readQueueSettings, type QueueSettings } from './queue-settings.js';
