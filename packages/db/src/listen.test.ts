import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listenToChannels } from './listen.js';
import { createTestDatabase, type TestDatabase } from './testing/index.js';

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
});

afterAll(async () => {
  await test.drop();
});

describe('listenToChannels', () => {
  it('has heard every notification committed before sync() once it resolves', async () => {
    const heard: string[] = [];
    const listener = listenToChannels({
      connectionString: test.url,
      channels: ['wirelens_test'],
      onNotification: (_channel, payload) => heard.push(payload),
      onReset: () => undefined,
    });
    const sender = new pg.Client({ connectionString: test.url });
    try {
      await listener.ready;
      await sender.connect();
      for (let round = 0; round < 20; round++) {
        await sender.query(`NOTIFY wirelens_test, '${round}'`);
        // No waiting for delivery: the sync's answer comes after the notification.
        expect(await listener.sync()).toBe(true);
        expect(heard).toContain(String(round));
      }
      // Callers of the same moment share round trips, and each is answered.
      await sender.query(`NOTIFY wirelens_test, 'burst'`);
      expect(await Promise.all(Array.from({ length: 50 }, () => listener.sync()))).toEqual(
        Array.from({ length: 50 }, () => true),
      );
      expect(heard).toContain('burst');
    } finally {
      await sender.end();
      await listener.close();
    }
    // Closed: nothing is being heard, so no cache may rely on it.
    expect(listener.listening).toBe(false);
    expect(await listener.sync()).toBe(false);
  });
});
