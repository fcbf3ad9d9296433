import { describe, expect, it, vi } from 'vitest';

import { createQueueErrorLog } from './queue-error-log.js';

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (message: string) => lines.push(`info ${message}`),
      warn: (message: string) => lines.push(`warn ${message}`),
      error: (message: string) => lines.push(`error ${message}`),
    },
  };
}

// What pg-boss emits while PostgreSQL is down: copies of pg's socket error naming the queue.
const refused = {
  code: 'ECONNREFUSED',
  errno: -111,
  syscall: 'connect',
  message: 'connect ECONNREFUSED 127.0.0.1:5433',
  queue: 'ingest-fetch-source',
};

describe('createQueueErrorLog', () => {
  it('logs one line when the database goes away and one when it is back', async () => {
    const { lines, log } = recorder();
    let reachable = false;
    const onError = createQueueErrorLog({
      log,
      probe: () => (reachable ? Promise.resolve() : Promise.reject(new Error('still down'))),
      probeIntervalMs: 10,
    });
    for (let i = 0; i < 50; i++) onError(refused);
    onError({ message: 'terminating connection due to administrator command', code: '57P01' });
    expect(lines).toEqual([
      'warn queue: the database is unreachable (connect ECONNREFUSED 127.0.0.1:5433 (queue ingest-fetch-source)); jobs wait until it is back',
    ]);
    reachable = true;
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    expect(lines[1]).toBe('info queue: the database is reachable again; jobs resume');
    // Down again later: reported again.
    onError(refused);
    expect(lines).toHaveLength(3);
  });

  it('describes other errors readably, never as [object Object]', () => {
    const { lines, log } = recorder();
    const onError = createQueueErrorLog({ log, probe: () => Promise.resolve() });
    onError({ message: 'relation "pgboss.job" does not exist', code: '42P01', queue: 'analysis-analyze' });
    onError(new Error('boom'));
    onError({ detail: 'no message' });
    expect(lines).toEqual([
      'error queue: relation "pgboss.job" does not exist [42P01] (queue analysis-analyze)',
      'error queue: boom',
      'error queue: {"detail":"no message"}',
    ]);
  });
});
