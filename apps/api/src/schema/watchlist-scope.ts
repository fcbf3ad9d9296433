import { invalidInput } from '@wirelens/core';
import type { WatchlistScope } from '@wirelens/db/repositories';
import { loadOwnWatchlistScope } from '@wirelens/services/watchlists';

import type { Arg } from '../builder.js';
import { requireViewer, type Context } from '../context.js';
import { rowId } from '../validation.js';

/** The `watchlist: ID` argument of the feed, the series and the movers. */
export function watchlistArg(arg: Arg, description: string) {
  return arg.globalID({ required: false, description });
}

/**
 * What the viewer's watchlist covers (null when no watchlist was asked for). Someone else's list is
 * NOT_FOUND, like a missing one. Decoded here rather than with `for: Watchlist`, because the
 * watchlist type's fields take the feed filter, which would make the imports circular.
 */
export async function watchlistScopeOf(
  ctx: Context,
  watchlist: { typename: string; id: string } | null | undefined,
): Promise<WatchlistScope | null> {
  if (!watchlist) return null;
  if (watchlist.typename !== 'Watchlist')
    throw invalidInput([{ field: 'watchlist', message: 'must be a Watchlist ID' }]);
  return loadOwnWatchlistScope({
    db: ctx.db,
    watchlistId: rowId(watchlist),
    userId: requireViewer(ctx).userId,
  });
}
