import { describe, expect, it } from 'vitest';

import {
  fromInstant,
  lastDayInputValue,
  parseFeedFilters,
  toInstant,
  writeFeedFilters,
} from './useFeedFilters.js';

describe('feed filters in the URL', () => {
  it('round-trips every filter and keeps unrelated parameters', () => {
    const params = new URLSearchParams(
      'interval=week&company=nvidia&company=amd&topic=ai&sentiment=BULLISH&minImportance=7&source=U291cmNlOjE%3D&from=2026-11-01&to=2026-11-02&q=chips',
    );
    const filters = parseFeedFilters(params);
    expect(filters).toEqual({
      companies: ['nvidia', 'amd'],
      topics: ['ai'],
      sentiments: ['BULLISH'],
      minImportance: 7,
      sources: ['U291cmNlOjE='],
      from: '2026-11-01',
      to: '2026-11-02',
      q: 'chips',
    });
    expect(writeFeedFilters(params, filters).toString()).toBe(params.toString());
  });

  it('drops values that are not valid instead of sending them to the API', () => {
    const filters = parseFeedFilters(new URLSearchParams('sentiment=GREAT&minImportance=11&from=yesterday'));
    expect(filters.sentiments).toEqual([]);
    expect(filters.minImportance).toBeNull();
    expect(filters.from).toBeNull();
  });

  it('treats a bare date as whole UTC days and passes instants through', () => {
    expect(fromInstant('2026-11-01')).toBe('2026-11-01T00:00:00.000Z');
    expect(toInstant('2026-11-30')).toBe('2026-12-01T00:00:00.000Z');
    expect(toInstant('2026-11-25T13:00:00.000Z')).toBe('2026-11-25T13:00:00.000Z');
  });

  it('shows the last day a range includes in the "To" field', () => {
    expect(lastDayInputValue('2026-11-02')).toBe('2026-11-02');
    // A chart's day bucket [25 Nov, 26 Nov) covers 25 Nov only.
    expect(lastDayInputValue('2026-11-26T00:00:00.000Z')).toBe('2026-11-25');
    expect(lastDayInputValue('2026-11-26T05:00:00.000Z')).toBe('2026-11-26');
    expect(lastDayInputValue(null)).toBe('');
  });
});
