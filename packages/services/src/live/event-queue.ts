/** A subscriber's mailbox: events pushed by the feed, pulled by GraphQL's subscription loop. */
export interface EventQueue<T> extends AsyncIterableIterator<T> {
  push(event: T): void;
}

/**
 * An async iterator fed by `push`. At most `capacity` events wait for a slow reader; older ones are
 * dropped first (a live view wants the newest). Ending it (GraphQL calls `return` when the client
 * completes or disconnects) runs `onEnd` once, which unsubscribes it.
 */
export function createEventQueue<T>(onEnd: () => void, capacity = 1_000): EventQueue<T> {
  const waiting: T[] = [];
  let reader: ((result: IteratorResult<T>) => void) | null = null;
  let ended = false;
  const end = (): Promise<IteratorResult<T>> => {
    if (!ended) {
      ended = true;
      waiting.length = 0;
      onEnd();
      reader?.({ value: undefined, done: true });
      reader = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    push(event) {
      if (ended) return;
      if (reader) {
        const resolve = reader;
        reader = null;
        resolve({ value: event, done: false });
        return;
      }
      waiting.push(event);
      if (waiting.length > capacity) waiting.shift();
    },
    next() {
      const event = waiting.shift();
      if (event !== undefined) return Promise.resolve({ value: event, done: false });
      if (ended) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => {
        reader = resolve;
      });
    },
    return: end,
    throw: async (error: unknown) => {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
