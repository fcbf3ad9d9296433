import { afterEach, describe, expect, it, vi } from 'vitest';

import { downloadBlob, toCsv, type CsvColumn } from './csv.js';

interface Row {
  start: string;
  meanScore: number | null;
  title: string;
}

const columns: CsvColumn<Row>[] = [
  { header: 'start', value: (row) => row.start },
  { header: 'mean_score', value: (row) => row.meanScore },
  { header: 'title', value: (row) => row.title },
];

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    expect(toCsv([{ start: '2026-11-03', meanScore: -0.5, title: 'Plain' }], columns)).toBe(
      'start,mean_score,title\r\n2026-11-03,-0.5,Plain\r\n',
    );
  });

  it('quotes commas, quotes and newlines and leaves nulls empty', () => {
    const csv = toCsv([{ start: '2026-11-03', meanScore: null, title: 'Say "hi",\nthen go' }], columns);
    expect(csv.split('\r\n')[1]).toBe('2026-11-03,,"Say ""hi"",\nthen go"');
  });

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    const csv = toCsv([{ start: '2026-11-03', meanScore: -0.25, title: '=HYPERLINK("x")' }], columns);
    expect(csv.split('\r\n')[1]).toBe('2026-11-03,-0.25,"\'=HYPERLINK(""x"")"');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([], columns)).toBe('start,mean_score,title\r\n');
  });
});

describe('downloadBlob', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('clicks a temporary download link and frees the object URL afterwards', () => {
    vi.useFakeTimers();
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:wirelens/1');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    const blob = new Blob(['a,b\r\n'], { type: 'text/csv' });
    downloadBlob(blob, 'sentiment.csv');

    expect(create).toHaveBeenCalledWith(blob);
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('sentiment.csv');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:wirelens/1');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:wirelens/1');
  });
});
