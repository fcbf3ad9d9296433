import { feedUrlProblem, type FeedUrlProblem } from './feed-url-problem.js';

export type NormalizedFeedUrl = { ok: true; url: string } | { ok: false; problem: FeedUrlProblem };

/**
 * The one way a feed URL is checked and written before it is stored, whoever adds it (API,
 * CLI, OPML import): `feedUrlProblem`'s checks, then the WHATWG serialisation without the
 * fragment, which is never sent to the server, so `…/feed#top` and `…/feed` are one source.
 */
export function normalizeFeedUrl(
  value: string,
  options: { allowHosts?: readonly string[] } = {},
): NormalizedFeedUrl {
  const problem = feedUrlProblem(value, options);
  if (problem) return { ok: false, problem };
  const url = new URL(value.trim());
  url.hash = '';
  return { ok: true, url: url.href };
}
