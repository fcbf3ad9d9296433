import { describe, expect, it } from 'vitest';

import { formatAbsoluteTime, formatRelativeTime, formatShortDate } from './format-time.js';

const now = new Date('2026-11-27T12:00:00Z');

describe('formatRelativeTime', () => {
  it('picks the largest whole unit', () => {
    expect(formatRelativeTime('2026-11-27T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-11-27T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-11-26T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2026-11-13T12:00:00Z', now)).toBe('2 weeks ago');
  });

  it('says "just now" under a minute and handles bad input', () => {
    expect(formatRelativeTime('2026-11-27T11:59:30Z', now)).toBe('just now');
    expect(formatRelativeTime('not a date', now)).toBe('');
  });
});

describe('formatShortDate', () => {
  it('omits the year only when it is the current one', () => {
    expect(formatShortDate('2026-11-03T12:00:00Z', now)).toBe('3 Nov');
    expect(formatShortDate('2025-12-28T12:00:00Z', now)).toBe('28 Dec 2025');
  });
});

describe('formatAbsoluteTime', () => {
  it('shows date and time', () => {
    expect(formatAbsoluteTime('2026-11-03T14:05:00Z', 'en-GB', 'UTC')).toBe('3 Nov 2026, 14:05');
  });
});
