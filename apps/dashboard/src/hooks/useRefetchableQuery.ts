import { useCallback } from 'react';
import { useQuery, type AnyVariables, type UseQueryArgs, type UseQueryState } from 'urql';

/**
 * `useQuery` with a `refetch` that asks the server again, past the cache: what a Retry or Reload button and a
 * successful change on the page need.
 */
export function useRefetchableQuery<Data, Variables extends AnyVariables = AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
): [UseQueryState<Data, Variables>, () => void] {
  const [result, reexecute] = useQuery(args);
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return [result, refetch];
}
