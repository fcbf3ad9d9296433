import { ArticleFeed } from '../components/ArticleFeed.js';
import { SaveFilterToWatchlist } from './watchlists/SaveFilterToWatchlist.js';

export function FeedPage() {
  return (
    <div className="page">
      <ArticleFeed heading="Article feed" headingLevel={1} tools={<SaveFilterToWatchlist />} />
    </div>
  );
}
