import path from 'node:path';
import { AppError } from '@wirelens/core';
import { z } from 'zod';

/**
 * The worker and CLI environment, validated once. Nothing else in this app
 * reads `process.env`.
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  WIRELENS_DATA_DIR: z.string().min(1).default('./.wirelens'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  WIRELENS_ADMIN_EMAIL: z.email().default('admin@wirelens.local'),
  WIRELENS_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  // pnpm runs package scripts inside the package; relative paths are meant from where the user ran pnpm.
  INIT_CWD: z.string().optional(),
});

export type WorkerEnv = z.infer<typeof schema> & { dataDir: string };

export function loadEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new AppError('CONFIG', `Invalid environment: ${problems}`);
  }
  const env = parsed.data;
  return { ...env, dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.WIRELENS_DATA_DIR) };
}
