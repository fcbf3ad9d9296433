import { downloadBlob, toCsv, type CsvColumn, type SentimentBucket } from '@wirelens/ui';

export function downloadCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[], filename: string) {
  downloadBlob(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), filename);
}

/** "wirelens-feed-2026-11-27.csv": the date tells exports of different days apart. */
export function exportName(subject: string, extension: 'csv' | 'png'): string {
  const slug =
    subject
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'export';
  return `wirelens-${slug}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

export const SERIES_COLUMNS: CsvColumn<SentimentBucket & { subject: string }>[] = [
  { header: 'subject', value: (row) => row.subject },
  { header: 'bucket_start', value: (row) => row.start },
  { header: 'mean_score', value: (row) => row.meanScore },
  { header: 'articles', value: (row) => row.count },
  { header: 'bullish', value: (row) => row.bullish },
  { header: 'neutral', value: (row) => row.neutral },
  { header: 'bearish', value: (row) => row.bearish },
];
