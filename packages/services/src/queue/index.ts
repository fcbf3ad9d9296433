export { ensureQueues, QUEUE_SCHEMA } from './ensure-queues.js';
export { jobQueueOf, noJobQueue, startJobQueue, type JobQueue, type SendOptions } from './job-queue.js';
export { createQueueErrorLog, type QueueLog } from './queue-error-log.js';
