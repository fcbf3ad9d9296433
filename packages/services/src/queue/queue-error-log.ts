import { isDatabaseUnavailable } from '@wirelens/db';

export interface QueueLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** pg-boss emits Errors, and copies of them as plain objects that name the queue (`{ ...error, message, queue }`). */
function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { message, code, queue } = error as { message?: unknown; code?: unknown; queue?: unknown };
  const text = typeof message === 'string' && message ? message : JSON.stringify(error);
  const where = typeof queue === 'string' ? ` (queue ${queue})` : '';
  return `${text}${typeof code === 'string' && !text.includes(code) ? ` [${code}]` : ''}${where}`;
}

/**
 * The handler for pg-boss' `error` events: one readable line per error, and while the database is unreachable,
 * one line when it goes away and one when `probe` (a trivial query) reaches it again, instead of a line for each
 * of the queue's polls in between.
 */
export function createQueueErrorLog({
  log,
  probe,
  probeIntervalMs = 2_000,
}: {
  log: QueueLog;
  probe: () => PromiseLike<unknown>;
  probeIntervalMs?: number;
}): (error: unknown) => void {
  let down = false;
  const watch = () => {
    const timer = setInterval(() => {
      Promise.resolve(probe()).then(
        () => {
          clearInterval(timer);
          down = false;
          log.info('queue: the database is reachable again; jobs resume');
        },
        () => undefined,
      );
    }, probeIntervalMs);
    timer.unref();
  };
  return (error) => {
    if (!isDatabaseUnavailable(error)) {
      log.error(`queue: ${describe(error)}`);
      return;
    }
    if (down) return;
    down = true;
    log.warn(`queue: the database is unreachable (${describe(error)}); jobs wait until it is back`);
    watch();
  };
}
