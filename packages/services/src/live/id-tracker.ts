export interface Gap {
  readonly from: number;
}

/** Ids of one kind of live event (analyses or notifications) that this process has dispatched. */
export interface IdTracker {
  /** True the first time an id is offered (dispatch it), false for a repeat. */
  first(id: number): boolean;
  /** The newest id existing when listening first began: nothing older is ever caught up on. */
  setFloor(id: number): void;
  readonly hasFloor: boolean;
  /** Listening stopped: remember where the gap starts (the earliest unhealed gap is kept). */
  openGap(): void;
  /** The open gap: a catch-up query loads the ids above `from`; null when there is nothing to catch up on. */
  readonly gap: Gap | null;
  /** The catch-up query for `gap` ran (a gap opened meanwhile stays open). */
  closeGap(gap: Gap): void;
}

/**
 * How far below the newest dispatched id a catch-up looks: a transaction that took its id before a newer
 * one committed may commit later, during the gap. Ids in this margin that were dispatched are remembered
 * (`capacity` ≫ margin), so the margin never repeats an event.
 */
export const CATCH_UP_MARGIN = 200;

export function createIdTracker(capacity = 20_000): IdTracker {
  const seen = new Set<number>();
  let newest: number | null = null;
  let floor: number | null = null;
  let gap: Gap | null = null;
  return {
    first(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      // A Set iterates in insertion order: the first value is the oldest remembered.
      if (seen.size > capacity) seen.delete(seen.values().next().value as number);
      if (newest === null || id > newest) newest = id;
      return true;
    },
    setFloor(id) {
      floor ??= id;
    },
    get hasFloor() {
      return floor !== null;
    },
    openGap() {
      if (floor === null) return;
      const from = Math.max(floor, (newest ?? floor) - CATCH_UP_MARGIN);
      // A new object each time, so a catch-up that ran for an older one leaves this one open.
      gap = { from: gap === null ? from : Math.min(gap.from, from) };
    },
    get gap() {
      return gap;
    },
    closeGap(ran) {
      if (gap === ran) gap = null;
    },
  };
}
