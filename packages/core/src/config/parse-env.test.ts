import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { AppError } from '../errors/index.js';
import { parseEnv } from './parse-env.js';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  LOG_LEVEL: z.enum(['info', 'debug']).default('info'),
});

describe('parseEnv', () => {
  it('returns the parsed values with defaults filled in', () => {
    expect(parseEnv(schema, { DATABASE_URL: 'postgresql://db/x' })).toEqual({
      PORT: 4000,
      DATABASE_URL: 'postgresql://db/x',
      LOG_LEVEL: 'info',
    });
  });

  it('names every bad variable in one CONFIG error', () => {
    let caught: unknown;
    try {
      parseEnv(schema, { PORT: 'eighty', DATABASE_URL: 'mysql://db', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(AppError.is(caught, 'CONFIG')).toBe(true);
    const error = caught as AppError;
    expect(error.details).toEqual({ variables: ['PORT', 'DATABASE_URL', 'LOG_LEVEL'] });
    expect(error.message).toMatch(
      /^Invalid environment: PORT: .*; DATABASE_URL: must be a postgresql:\/\/ URL; LOG_LEVEL: /,
    );
  });
});
