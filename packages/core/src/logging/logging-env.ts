import { z } from 'zod';

/** LOG_LEVEL and LOG_PRETTY, read the same way by every app (spread into its env schema). */
export const loggingEnvShape = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: pretty when stderr is a terminal, JSON lines otherwise. */
  LOG_PRETTY: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
};
