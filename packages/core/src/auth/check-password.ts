import { readFileSync } from 'node:fs';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** Fewer distinct characters than this (e.g. `aaaaaaaaaa`, `1212121212`) is a pattern, not a password. */
const MIN_DISTINCT_CHARACTERS = 5;

let common: ReadonlySet<string> | null = null;

/** The bundled list, read on first use (see the header of common-passwords.txt for its source). */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

/**
 * Why a new password is refused, or null when it is acceptable: at least 10 characters, not one of the
 * commonest passwords (also with digits or symbols around it, as in `Password123!`), not a repeated
 * pattern, and not built from the account's e-mail (its local part does not count towards the length).
 */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.normalize('NFKC').toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (address && lower.includes(address)) return 'must not contain your e-mail address';
  if (localPart.length >= 3 && lower.split(localPart).join('').length < PASSWORD_MIN_LENGTH)
    return 'must not be based on your e-mail address';
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (commonPasswords().has(lower) || commonPasswords().has(core))
    return 'is one of the most common passwords; choose a less predictable one';
  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS) return 'is too repetitive';
  return null;
}
