import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section className="page notice" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/feed">Go to the feed</Link>.
      </p>
    </section>
  );
}
