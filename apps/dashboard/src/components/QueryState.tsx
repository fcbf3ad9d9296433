import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { UseQueryState } from 'urql';

import { ErrorState, Skeleton } from '@wirelens/ui';

import { useAuth } from '../auth/AuthContext.js';
import { loginPath } from '../auth/RequireAuth.js';
import { describeError } from '../lib/errors.js';

interface QueryStateProps<Data> {
  result: Pick<UseQueryState<Data>, 'data' | 'error' | 'fetching'>;
  retry: () => void;
  skeletonLines?: number;
  /** Names the loading placeholder for screen readers, e.g. "Loading articles". */
  loadingLabel?: string;
  children: (data: Data) => ReactNode;
}

/**
 * The session ran out while the page was open: forget the signed-in user (so the login page does not bounce
 * straight back here) and sign in again, returning to this page afterwards.
 */
function SessionEnded() {
  const location = useLocation();
  const { refresh } = useAuth();
  useEffect(refresh, [refresh]);
  return <Navigate to={`${loginPath(location)}&expired=1`} replace />;
}

/** One place that branches on fetching / error / data, so every page shows the same states. */
export function QueryState<Data>({
  result,
  retry,
  skeletonLines = 3,
  loadingLabel = 'Loading',
  children,
}: QueryStateProps<Data>) {
  if (result.error) {
    const info = describeError(result.error);
    if (info.code === 'UNAUTHENTICATED') return <SessionEnded />;
    if (info.code === 'FORBIDDEN') {
      return (
        <div className="notice" role="alert">
          <p>
            <strong>You do not have access to this.</strong> {info.message}
          </p>
        </div>
      );
    }
    // Partial data with an error (e.g. one field failed) is still shown, with the error above it.
    if (!result.data) return <ErrorState kind={info.kind} message={info.message} onRetry={retry} />;
    return (
      <>
        <ErrorState kind={info.kind} message={info.message} onRetry={retry} />
        {children(result.data)}
      </>
    );
  }
  if (result.data) return <>{children(result.data)}</>;
  return <Skeleton lines={skeletonLines} label={loadingLabel} />;
}
