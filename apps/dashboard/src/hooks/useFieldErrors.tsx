import { useId } from 'react';

/**
 * A form's per-field error messages, tied to their controls: `invalid(key)` marks a control invalid and
 * points it at the message `fieldError(key)` shows below it, so a screen reader reads the two together.
 */
export function useFieldErrors<Key extends string>(errors: Partial<Record<Key, string>>) {
  const id = useId();
  const errorId = (key: Key) => `${id}-${key}-error`;
  const fieldError = (key: Key) =>
    errors[key] ? (
      <span className="form-error" id={errorId(key)}>
        {errors[key]}
      </span>
    ) : null;
  const invalid = (key: Key) => ({
    'aria-invalid': Boolean(errors[key]),
    'aria-describedby': errors[key] ? errorId(key) : undefined,
  });
  return { fieldError, invalid };
}
