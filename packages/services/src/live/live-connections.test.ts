import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from '@wirelens/db/testing';

import { createLiveConnections, type LiveConnections } from './live-connections.js';

let test: TestDatabase;
const registries: LiveConnections[] = [];

beforeEach(async () => {
  test = await createTestDatabase();
});

afterEach(async () => {
  for (const registry of registries.splice(0)) await registry.stop();
  await test.drop();
});

function registry(options: { ttlMs?: number; heartbeatMs?: number } = {}): LiveConnections {
  const created = createLiveConnections({ db: test.db, ...options });
  registries.push(created);
  return created;
}

describe('live connections shared by API processes', () => {
  it('caps a user across processes, also when both ask at once, and frees a closed slot', async () => {
    const [a, b] = [registry(), registry()];
    // Six concurrent attempts for three slots, split across the two processes.
    const opened = await Promise.all([a, b, a, b, a, b].map((process) => process.open(1, 3)));
    expect(opened.filter((id) => id !== null)).toHaveLength(3);
    expect(await b.open(2, 3)).not.toBeNull(); // another user is counted apart
    await a.close(opened.find((id) => id !== null) ?? '');
    expect(await b.open(1, 3)).not.toBeNull();
    expect(await a.open(1, 3)).toBeNull();
  });

  it('stops counting the connections of a process that stopped its heartbeat, and forgets its own on stop', async () => {
    // "Killed": holds two slots and never refreshes them.
    const dead = registry({ ttlMs: 60_000, heartbeatMs: 3_600_000 });
    expect(await dead.open(1, 2)).not.toBeNull();
    expect(await dead.open(1, 2)).not.toBeNull();
    const live = registry({ ttlMs: 1_000, heartbeatMs: 200 });
    expect(await live.open(1, 2)).toBeNull();
    await test.db
      .$executeRaw`UPDATE "LiveConnection" SET "heartbeatAt" = "heartbeatAt" - interval '2 seconds'`;
    const mine = await live.open(1, 2);
    expect(mine).not.toBeNull();
    // Its heartbeat keeps its own row alive past the TTL, and deletes the expired ones.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await test.db.liveConnection.findMany({ select: { id: true } })).toEqual([{ id: mine }]);
    await live.stop();
    expect(await test.db.liveConnection.count()).toBe(0);
  });
});
