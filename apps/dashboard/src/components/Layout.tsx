import { Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useMutation } from 'urql';

import { Skeleton } from '@wirelens/ui';

import { useAuth } from '../auth/AuthContext.js';
import { hasRole, roleName, type Role } from '../auth/roles.js';
import { graphql } from '../graphql.js';
import { NotificationBell } from './NotificationBell.js';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

const NAV: { to: string; label: string; role: Role }[] = [
  { to: '/', label: 'Overview', role: 'VIEWER' },
  { to: '/feed', label: 'Feed', role: 'VIEWER' },
  { to: '/compare', label: 'Compare', role: 'VIEWER' },
  { to: '/watchlists', label: 'Watchlists', role: 'VIEWER' },
  { to: '/alerts', label: 'Alert rules', role: 'ANALYST' },
  { to: '/review', label: 'Review queue', role: 'EDITOR' },
  { to: '/companies', label: 'Companies', role: 'EDITOR' },
  { to: '/analyzer-quality', label: 'Analyzer quality', role: 'EDITOR' },
  { to: '/sources', label: 'Sources', role: 'ADMIN' },
  { to: '/users', label: 'Users', role: 'ADMIN' },
  { to: '/tokens', label: 'API tokens', role: 'ANALYST' },
  { to: '/webhooks', label: 'Webhooks', role: 'ANALYST' },
  { to: '/account', label: 'Account', role: 'VIEWER' },
];

/**
 * Top bar with the navigation the user's role allows, and the page below it. On phones the
 * navigation folds behind a Menu button, so pages start right below a one-line bar.
 */
export function Layout() {
  const { user } = useAuth();
  const { pathname, search } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // Following a link closes the menu.
  useEffect(() => setMenuOpen(false), [pathname, search]);
  const [, logout] = useMutation(LogoutMutation);
  const signOut = async () => {
    await logout({});
    // A full reload drops every cached query of the previous user along with the session.
    window.location.assign('/login');
  };
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink className="brand" to="/">
          Wirelens
        </NavLink>
        {user && (
          <button
            type="button"
            className="button button--ghost menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="mainnav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
        )}
        {user && (
          <nav aria-label="Main" id="mainnav" className={menuOpen ? 'mainnav mainnav--open' : 'mainnav'}>
            <ul>
              {NAV.filter((item) => hasRole(user.role, item.role)).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
              <li>
                {/* A full page load: GraphiQL is a separate bundle that never ships with the dashboard. */}
                <a href="/graphiql">GraphiQL</a>
              </li>
            </ul>
          </nav>
        )}
        {user && (
          <div className="usermenu">
            {/* A session that must choose a new password may do nothing else yet (the API refuses). */}
            {!user.mustChangePassword && <NotificationBell />}
            <span className="usermenu__name">
              {user.name ?? user.email} <span className="usermenu__role">({roleName(user.role)})</span>
            </span>
            <button type="button" className="button button--ghost" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Skeleton lines={6} label="Loading page" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
