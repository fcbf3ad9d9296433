import type { ReactNode } from 'react';

import { FormAlert } from './DataTable.js';

/**
 * A one-row form (fields, a submit button, its error). Submitting never reloads the page, and the browser's
 * own validation bubbles stay off: each form checks its input and says what is wrong in its own words.
 */
export function InlineForm({
  label,
  onSubmit,
  children,
}: {
  /** The form's accessible name, e.g. "Add a source". */
  label: string;
  onSubmit: () => unknown;
  children: ReactNode;
}) {
  return (
    <form
      className="form form--inline"
      noValidate
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** An inline form's submit button, off while its request runs, and the form's problem after it. */
export function FormSubmit({
  busy,
  problem,
  children,
}: {
  busy: boolean;
  problem: string | null;
  children: ReactNode;
}) {
  return (
    <>
      <button type="submit" className="button" disabled={busy}>
        {children}
      </button>
      <FormAlert>{problem}</FormAlert>
    </>
  );
}
