import type { ReactNode } from 'react';
import type { UseQueryState } from 'urql';

interface QueryStateProps<Data> {
  result: UseQueryState<Data>;
  retry: () => void;
  skeletonRows?: number;
  children: (data: Data) => ReactNode;
}

/** One place that branches on fetching / error / data, so every page shows the same states. */
export function QueryState<Data>({ result, retry, skeletonRows = 3, children }: QueryStateProps<Data>) {
  if (result.data) return <>{children(result.data)}</>;
  if (result.error) {
    const network = Boolean(result.error.networkError);
    return (
      <div role="alert" className="error-state">
        <strong>{network ? 'Cannot reach the Wirelens server.' : 'The server could not answer this request.'}</strong>
        <p>{network ? 'Check your connection or whether the server is running.' : result.error.graphQLErrors.map((e) => e.message).join('; ')}</p>
        <button type="button" onClick={retry}>
          Retry
        </button>
      </div>
    );
  }
  return (
    <div className="skeleton" aria-busy="true" aria-label="Loading">
      {Array.from({ length: skeletonRows }, (_, index) => (
        <div key={index} className="skeleton-row" />
      ))}
    </div>
  );
}
