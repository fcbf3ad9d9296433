import { describe, expect, it } from 'vitest';

import { passwordProblem } from './check-password.js';

describe('passwordProblem', () => {
  it('accepts a long, unusual password', () => {
    expect(passwordProblem('correct horse battery staple', 'ann@example.com')).toBeNull();
    expect(passwordProblem('admin-password-1', 'admin@example.com')).toBeNull();
  });

  it('keeps the 10-character minimum', () => {
    expect(passwordProblem('tR7#kq2!x', 'ann@example.com')).toBe('must be at least 10 characters');
  });

  it('refuses the commonest passwords, also with digits or symbols around them', () => {
    for (const common of ['qwertyuiop', '1234567890', 'Password123!', '2024sunshine!!', '1qaz2wsx3edc'])
      expect(passwordProblem(common, 'ann@example.com'), common).toMatch(/most common passwords/);
  });

  it('refuses repeated patterns', () => {
    expect(passwordProblem('abababababab', 'ann@example.com')).toBe('is too repetitive');
  });

  it('refuses the e-mail address and passwords built from it', () => {
    expect(passwordProblem('Ann.Smith@Example.com', 'ann.smith@example.com')).toBe(
      'must not contain your e-mail address',
    );
    expect(passwordProblem('ann.smith2026', 'ann.smith@example.com')).toBe(
      'must not be based on your e-mail address',
    );
    expect(passwordProblem('ann.smith-river-stone', 'ann.smith@example.com')).toBeNull();
  });
});
