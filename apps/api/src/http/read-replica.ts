import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';

import { currentWalLsn, isDatabaseUnavailable, parseLsn, replayedWalLsn, type DbClient } from '@wirelens/db';

import type { Context } from '../context.js';
import { cookie, readCookie } from './cookies.js';

/** Carries the primary's WAL position after a viewer's last write (dashboard: cookie; scripts: header). */
export const WRITE_LSN_COOKIE = 'wl_write_lsn';
export const WRITE_LSN_HEADER = 'wirelens-write-lsn';
/** Long enough to outlast any plausible replica lag; cleared as soon as the replica has caught up. */
const MARKER_MAX_AGE_SECONDS = 3600;
/** While the replica is unreachable, how often it is asked again whether it answers. */
const REPLICA_PROBE_MS = 2000;

export interface ReadRoutingOptions {
  primary: DbClient;
  /** A streaming standby of the primary (DATABASE_REPLICA_URL). */
  replica: DbClient;
}

/**
 * Sends read-only GraphQL operations to the read replica and keeps read-your-own-writes:
 * - a mutation runs on the primary; afterwards the response carries the primary's WAL position
 *   (`pg_current_wal_lsn()`, which is past the mutation's commit) as a cookie and a header;
 * - a query without that marker reads the replica;
 * - a query with it reads the replica only once the replica has replayed past that position
 *   (`pg_last_wal_replay_lsn()`), else the primary. The marker then goes (the cookie is cleared).
 * Each process remembers the furthest position it has seen the replica reach, so a marker already behind it
 * costs no statement; otherwise one `SELECT pg_last_wal_replay_lsn()` on the replica. If the replica cannot
 * answer, the query reads the primary.
 *
 * A replica that fails a query as unreachable (stopped, restarting, network) is set aside: every query reads
 * the primary until a probe every REPLICA_PROBE_MS gets an answer from the replica again. Only the query
 * that found it down fails (SERVICE_UNAVAILABLE, like any query when its database is down).
 */
export function readRoutingPlugin({ primary, replica }: ReadRoutingOptions): ApolloServerPlugin<Context> {
  let replayed = -1n;
  let probe: NodeJS.Timeout | null = null;
  function setReplicaAside() {
    if (probe) return;
    probe = setInterval(() => {
      replayedWalLsn(replica).then(
        () => {
          if (probe) clearInterval(probe);
          probe = null;
        },
        () => undefined,
      );
    }, REPLICA_PROBE_MS);
    probe.unref();
  }
  async function replicaHasReplayed(marker: bigint): Promise<boolean> {
    if (marker <= replayed) return true;
    const lsn = await replayedWalLsn(replica);
    // Not a standby (a pooler in front of the primary, say): as current as the primary.
    if (lsn === null) return true;
    const position = parseLsn(lsn) ?? -1n;
    if (position > replayed) replayed = position;
    return marker <= position;
  }
  return {
    requestDidStart() {
      return Promise.resolve({
        async didResolveOperation({ operation, contextValue, request }) {
          if (operation?.operation !== OperationTypeNode.QUERY || probe) return;
          const headers = request.http?.headers;
          const marker =
            headers?.get(WRITE_LSN_HEADER) ?? readCookie(headers?.get('cookie'), WRITE_LSN_COOKIE) ?? null;
          const position = marker === null ? null : parseLsn(marker);
          if (position === null) {
            contextValue.db = replica;
            return;
          }
          const caughtUp = await replicaHasReplayed(position).catch(() => false);
          if (!caughtUp) return;
          contextValue.db = replica;
          if (readCookie(headers?.get('cookie'), WRITE_LSN_COOKIE) !== null)
            contextValue.setCookies.push(cookie(WRITE_LSN_COOKIE, '', 0, contextValue.secureCookies));
        },
        didEncounterErrors({ contextValue, errors }) {
          if (contextValue.db !== replica) return Promise.resolve();
          if (errors.some((error) => isDatabaseUnavailable(error.originalError ?? error))) setReplicaAside();
          return Promise.resolve();
        },
        async willSendResponse({ operation, contextValue, response }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          const lsn = await currentWalLsn(primary);
          response.http.headers.set(WRITE_LSN_HEADER, lsn);
          contextValue.setCookies.push(
            cookie(WRITE_LSN_COOKIE, lsn, MARKER_MAX_AGE_SECONDS, contextValue.secureCookies),
          );
        },
      });
    },
  };
}
