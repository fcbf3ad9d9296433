import { z } from 'zod';

/**
 * FETCH_ALLOW_HOSTS: comma-separated private or loopback hosts an operator lets feed URLs name
 * (the worker fetches them, the API and CLI accept them). Read the same way by every app.
 */
export const allowHostsEnv = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter((host) => host !== ''),
  );
