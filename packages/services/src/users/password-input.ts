import { invalidInput, passwordProblem } from '@wirelens/core';

/** Refuses a new password that breaks the password rules (core/auth/check-password.ts), naming `field`. */
export function assertPasswordAllowed(password: string, email: string, field: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw invalidInput([{ field, message: problem }]);
}
