export { createLogger, type CreateLoggerOptions, type Logger, type LogLevel } from './create-logger.js';
export { loggingEnvShape } from './logging-env.js';
