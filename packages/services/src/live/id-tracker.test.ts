import { describe, expect, it } from 'vitest';

import { CATCH_UP_MARGIN, createIdTracker } from './id-tracker.js';

describe('createIdTracker', () => {
  it('accepts an id once, and forgets the oldest beyond its capacity', () => {
    const ids = createIdTracker(2);
    expect([ids.first(1), ids.first(1), ids.first(2), ids.first(3)]).toEqual([true, false, true, true]);
    expect(ids.first(1)).toBe(true);
    expect(ids.first(3)).toBe(false);
  });

  it('opens a gap a margin below the newest id, never below the floor, and only after a floor', () => {
    const ids = createIdTracker();
    ids.openGap();
    expect(ids.gap).toBeNull();
    ids.setFloor(1_000);
    ids.openGap();
    expect(ids.gap).toEqual({ from: 1_000 });
    ids.first(5_000);
    ids.openGap();
    expect(ids.gap).toEqual({ from: 1_000 });
  });

  it('keeps a gap opened while the catch-up for an older one ran', () => {
    const ids = createIdTracker();
    ids.setFloor(0);
    ids.first(5_000);
    ids.openGap();
    const ran = ids.gap;
    ids.openGap();
    if (ran) ids.closeGap(ran);
    expect(ids.gap).toEqual({ from: 5_000 - CATCH_UP_MARGIN });
    if (ids.gap) ids.closeGap(ids.gap);
    expect(ids.gap).toBeNull();
  });
});
