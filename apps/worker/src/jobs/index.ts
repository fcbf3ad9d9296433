import { analyzeArticleHandler } from './analyze-article.js';
import { applyRetentionHandler } from './apply-retention.js';
import type { JobHandler } from './define-handler.js';
import { deliverWebhookHandler } from './deliver-webhook.js';
import {
  evaluateArticleAlertsHandler,
  evaluateWindowAlertsHandler,
  evaluateWindowRulesHandler,
} from './evaluate-alerts.js';
import { extractFullTextHandler } from './extract-full-text.js';
import { fetchSourceHandler } from './fetch-source.js';
import { learnAnalyzerHandler } from './learn-analyzer.js';
import { pollSourcesHandler } from './poll-sources.js';
import { resanitizeArticlesHandler } from './resanitize-articles.js';
import { queueDigestEmailsHandler, sendDigestEmailHandler, sendFiringEmailHandler } from './send-email.js';

export type { BatchItem, JobContext, JobHandler, WorkerDependencies, WorkerEmail } from './define-handler.js';

/** Every job the worker runs: one handler per definition in core's JOBS. */
export const HANDLERS: readonly JobHandler[] = [
  pollSourcesHandler,
  fetchSourceHandler,
  extractFullTextHandler,
  analyzeArticleHandler,
  resanitizeArticlesHandler,
  applyRetentionHandler,
  learnAnalyzerHandler,
  evaluateArticleAlertsHandler,
  evaluateWindowRulesHandler,
  evaluateWindowAlertsHandler,
  sendFiringEmailHandler,
  queueDigestEmailsHandler,
  sendDigestEmailHandler,
  deliverWebhookHandler,
];
