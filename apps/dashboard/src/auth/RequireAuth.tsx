import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { ErrorState, Skeleton } from '@wirelens/ui';

import { describeError } from '../lib/errors.js';
import { useAuth } from './AuthContext.js';
import { hasRole, roleName, type Role } from './roles.js';

export const ACCOUNT_PATH = '/account';

/** Path to the login page that brings the user back here afterwards. */
export function loginPath(location: { pathname: string; search: string }): string {
  return `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/** Read data needs a session: anonymous visitors go to the login page and come back after signing in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, error, refresh } = useAuth();
  const location = useLocation();
  if (user === undefined) {
    if (error?.networkError) {
      return <ErrorState kind="network" message={describeError(error).message} onRetry={refresh} />;
    }
    return <Skeleton lines={4} label="Checking your session" />;
  }
  if (user === null) return <Navigate to={loginPath(location)} replace />;
  // After an admin reset the API refuses everything but changing the password.
  if (user.mustChangePassword && location.pathname !== ACCOUNT_PATH)
    return <Navigate to={ACCOUNT_PATH} replace />;
  return <>{children}</>;
}

/**
 * Hiding a link is not enough: a pasted URL still reaches the route, so the route itself says what is missing
 * (the API refuses the data as well).
 */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { user } = useAuth();
  if (!hasRole(user?.role, role)) {
    return (
      <section className="page notice" aria-labelledby="forbidden-heading">
        <h1 id="forbidden-heading">You need the {roleName(role).toLowerCase()} role</h1>
        <p>
          Your account has the {user ? roleName(user.role).toLowerCase() : 'no'} role. Ask an administrator if
          you need access to this page.
        </p>
      </section>
    );
  }
  return <>{children}</>;
}
