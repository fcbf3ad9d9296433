import { ArticleFeed } from '../components/ArticleFeed.js';

export function FeedPage() {
  return (
    <div className="page">
      <ArticleFeed heading="Article feed" headingLevel={1} />
    </div>
  );
}
