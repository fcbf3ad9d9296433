import { useState, type ReactNode } from 'react';

/** A secret the server returns only once (API token, generated password), with Copy and a way to dismiss it. */
export function ShownOnce({
  message,
  value,
  testId,
  onDone,
}: {
  message: ReactNode;
  value: string;
  testId: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret" role="status">
      <p>{message}</p>
      <code className="secret__value" data-testid={testId}>
        {value}
      </code>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(value)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          I have saved it
        </button>
      </div>
    </div>
  );
}
