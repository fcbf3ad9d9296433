import { useRef, useState, type ChangeEvent } from 'react';
import { useMutation } from 'urql';

import { downloadBlob } from '@wirelens/ui';

import { Field } from '../../components/Field.js';
import { graphql } from '../../graphql.js';
import { describeError } from '../../lib/errors.js';

const ImportOpml = graphql(`
  mutation ImportOpml($opml: String!) {
    importOpml(opml: $opml) {
      added {
        id
      }
      skipped {
        url
        reason
      }
    }
  }
`);
const ExportOpml = graphql(`
  mutation ExportOpml {
    exportOpml
  }
`);

export function OpmlTools({ onImported }: { onImported: () => void }) {
  const [importState, importOpml] = useMutation(ImportOpml);
  const [exportState, exportOpml] = useMutation(ExportOpml);
  const [message, setMessage] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<{ url: string; reason: string }[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setMessage(null);
    const outcome = await importOpml({ opml: await file.text() });
    if (fileInput.current) fileInput.current.value = '';
    if (outcome.error) {
      setMessage(describeError(outcome.error).message);
      return;
    }
    if (outcome.data) {
      const { added, skipped: left } = outcome.data.importOpml;
      setMessage(
        `Imported ${added.length} ${added.length === 1 ? 'feed' : 'feeds'}; skipped ${left.length}.`,
      );
      setSkipped(left);
      onImported();
    }
  };
  const onExport = async () => {
    const outcome = await exportOpml({});
    if (outcome.error) setMessage(describeError(outcome.error).message);
    else if (outcome.data)
      downloadBlob(
        new Blob([outcome.data.exportOpml], { type: 'text/x-opml;charset=utf-8' }),
        'wirelens-sources.opml',
      );
  };
  return (
    <div className="opml">
      <Field label="Import OPML">
        <input
          ref={fileInput}
          type="file"
          accept=".opml,.xml,text/xml,text/x-opml,application/xml"
          disabled={importState.fetching}
          onChange={(event) => void onFile(event)}
        />
      </Field>
      <button
        type="button"
        className="button button--ghost"
        disabled={exportState.fetching}
        onClick={() => void onExport()}
      >
        Export OPML
      </button>
      {message && (
        <p role="status" className="status-message">
          {message}
        </p>
      )}
      {skipped.length > 0 && (
        <details>
          <summary>Skipped feeds ({skipped.length})</summary>
          <ul>
            {skipped.map((item) => (
              <li key={item.url}>
                {item.url}: {item.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
