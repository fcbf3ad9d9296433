import { createLogger } from '@wirelens/core/logging';

import { loadLoggingEnv } from './env.js';

const { LOG_LEVEL, LOG_PRETTY } = loadLoggingEnv();

/**
 * The worker's and the CLI's logger (pino): JSON lines, or pretty ones in a terminal, on stderr so stdout stays
 * for command output. `logger.child({ jobId })` adds fields to every line. Call its methods on the logger
 * (`(message) => logger.info(message)` where a plain function is wanted): pino's methods need it as `this`.
 */
export const logger = createLogger({ name: 'worker', level: LOG_LEVEL, pretty: LOG_PRETTY });
