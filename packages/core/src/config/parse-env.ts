import type { z } from 'zod';

import { AppError } from '../errors/index.js';

/**
 * Validates an app's environment once at start-up. Every bad variable is named in one message, so an
 * operator fixes them all in one go instead of one restart per mistake.
 */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  source: Record<string, string | undefined>,
): z.output<Schema> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const variables = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))];
  throw new AppError('CONFIG', `Invalid environment: ${problems.join('; ')}`, { details: { variables } });
}
