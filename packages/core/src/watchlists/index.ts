import { z } from 'zod';

/** Watchlists one user may keep, and companies + topics + saved filters on one list. */
export const MAX_WATCHLISTS_PER_USER = 50;
export const MAX_WATCHLIST_ITEMS = 200;

/** A watchlist's or saved filter's name: trimmed, 1–80 characters. */
export const watchlistNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters');
