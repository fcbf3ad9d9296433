import { describe, expect, it } from 'vitest';

import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { parseRole, roleAtLeast } from './roles.js';
import { createSecretToken, hashSecretToken } from './secret-token.js';

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('anything', 'garbage')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
    expect(generatePassword()).not.toBe(generatePassword());
  });
});

describe('secret tokens', () => {
  it('stores only a hash that the secret maps to', () => {
    const token = createSecretToken('wl_pat');
    expect(token.secret.startsWith('wl_pat_')).toBe(true);
    expect(token.hash).toBe(hashSecretToken(token.secret));
    expect(token.hash).not.toContain(token.secret);
  });
});

describe('roles', () => {
  it('orders roles viewer < analyst < editor < admin', () => {
    expect(roleAtLeast('ADMIN', 'EDITOR')).toBe(true);
    expect(roleAtLeast('ANALYST', 'EDITOR')).toBe(false);
    expect(parseRole(' editor ')).toBe('EDITOR');
    expect(parseRole('root')).toBeNull();
  });
});
