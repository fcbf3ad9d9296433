import { Icon } from './icon.js';

export interface ErrorStateProps {
  /** `network`: the server could not be reached; `graphql`: it answered with an error. */
  kind: 'network' | 'graphql';
  message?: string;
  onRetry?: () => void;
}

const TEXT = {
  network: {
    title: 'Cannot reach the Wirelens server.',
    hint: 'Check your connection or whether the server is running, then try again.',
  },
  graphql: {
    title: 'The server could not answer this request.',
    hint: 'The server reported an error. Trying again may help; if not, the details below say what went wrong.',
  },
} as const;

export function ErrorState({ kind, message, onRetry }: ErrorStateProps) {
  const text = TEXT[kind];
  return (
    <div className={`wl-error wl-error--${kind}`} role="alert">
      <p className="wl-error__title">
        <Icon name={kind === 'network' ? 'cloud-off' : 'alert'} />
        <strong>{text.title}</strong>
      </p>
      <p>{text.hint}</p>
      {message && (
        <p className="wl-error__details">
          <span className="wl-error__label">Details: </span>
          {message}
        </p>
      )}
      {onRetry && (
        <button type="button" className="wl-button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
