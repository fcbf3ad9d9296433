import { Link } from 'react-router';

import type { Named } from '../lib/related.js';

/** Related companies or topics, each a link to its page with how many recent articles they share. */
export function RelatedList({
  title,
  items,
  path,
}: {
  title: string;
  items: readonly (Named & { count: number })[];
  path: (slug: string) => string;
}) {
  return (
    <section className="related-list" aria-label={title}>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted small">None in recent articles.</p>
      ) : (
        <ul className="chip-row">
          {items.map((item) => (
            <li key={item.id}>
              <Link className="wl-chip" to={path(item.slug)}>
                {item.name} <span className="muted">({item.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
