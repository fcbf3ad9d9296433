import { z } from 'zod';

/**
 * WIRELENS_PUBLIC_URL: where people reach this Wirelens (e.g. https://news.example.com), for
 * absolute links in what leaves it (webhook payloads). An http(s) origin with an optional path,
 * stored without a trailing slash; unset, apps derive one from HOST and PORT.
 */
export const publicUrlEnv = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://news.example.com' })
  .refine((value) => {
    const url = new URL(value);
    return url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  }, 'must not carry a query, fragment or credentials')
  .transform((value) => value.replace(/\/+$/, ''))
  .optional()
  .or(z.literal('').transform(() => undefined));
