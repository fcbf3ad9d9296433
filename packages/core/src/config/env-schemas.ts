import { z } from 'zod';

/** A PostgreSQL connection URL, as every app reads DATABASE_URL. */
export const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL');

/** A PostgreSQL connection URL that may be unset; an empty value reads as unset. */
export const optionalPostgresUrl = postgresUrl.optional().or(z.literal('').transform(() => undefined));
