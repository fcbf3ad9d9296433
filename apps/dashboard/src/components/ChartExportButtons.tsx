import { useState, type RefObject } from 'react';

import { chartToPng, downloadBlob, findChartSvg } from '@wirelens/ui';

import { FormAlert } from './DataTable.js';

/** "Download PNG" for the chart inside `target`, plus any CSV action the page provides. */
export function ChartExportButtons({
  target,
  filename,
  onCsv,
}: {
  target: RefObject<HTMLElement | null>;
  filename: string;
  onCsv?: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const png = async () => {
    setError(null);
    const svg = target.current ? findChartSvg(target.current) : null;
    if (!svg) {
      setError('There is no chart to export yet.');
      return;
    }
    try {
      // The server's Content-Security-Policy allows `img-src data:` but not `blob:`.
      downloadBlob(await chartToPng(svg, { dataUrl: true }), filename);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The chart could not be exported.');
    }
  };
  return (
    <div className="export-buttons">
      {onCsv && (
        <button type="button" className="button button--ghost" onClick={onCsv}>
          Export CSV
        </button>
      )}
      <button type="button" className="button button--ghost" onClick={() => void png()}>
        Download PNG
      </button>
      <FormAlert>{error}</FormAlert>
    </div>
  );
}
