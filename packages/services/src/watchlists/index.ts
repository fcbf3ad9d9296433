export {
  addWatchlistItem,
  type AddWatchlistItemOptions,
  type NewWatchlistItem,
} from './add-watchlist-item.js';
export { createWatchlist, type CreateWatchlistOptions } from './create-watchlist.js';
export { deleteWatchlist, type DeleteWatchlistOptions } from './delete-watchlist.js';
export { loadOwnWatchlistScope, ownedWatchlist, type WatchlistActionOptions } from './owned-watchlist.js';
export {
  removeWatchlistItem,
  type RemoveWatchlistItemOptions,
  type WatchlistItemRef,
} from './remove-watchlist-item.js';
export { renameWatchlist, type RenameWatchlistOptions } from './rename-watchlist.js';
