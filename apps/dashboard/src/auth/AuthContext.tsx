import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { CombinedError } from 'urql';

import { graphql, type ResultOf } from '../graphql.js';
import { useRefetchableQuery } from '../hooks/useRefetchableQuery.js';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      role
      mustChangePassword
    }
  }
`);

export type Me = NonNullable<ResultOf<typeof MeQuery>['me']>;

export interface AuthState {
  /** Undefined while the first answer is pending; null when nobody is signed in. */
  user: Me | null | undefined;
  error: CombinedError | undefined;
  /** Asks the server again, e.g. after signing in or out. */
  refresh: () => void;
}

const AuthContext = createContext<AuthState>({ user: undefined, error: undefined, refresh: () => undefined });

/** Who is signed in, asked once and shared, so navigation and route guards agree. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [result, refresh] = useRefetchableQuery({ query: MeQuery });
  const user = result.data ? result.data.me : result.error && !result.fetching ? null : undefined;
  const value = useMemo<AuthState>(
    () => ({ user: result.error?.networkError ? undefined : user, error: result.error, refresh }),
    [user, result.error, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  return useContext(AuthContext);
}

/** For tests and previews: a fixed signed-in user without asking the server. */
export function StaticAuthProvider({ user, children }: { user: Me | null; children: ReactNode }) {
  const value = useMemo<AuthState>(() => ({ user, error: undefined, refresh: () => undefined }), [user]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
