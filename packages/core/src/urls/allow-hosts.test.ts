import { describe, expect, it } from 'vitest';

import { allowHostsEnv } from './allow-hosts.js';

describe('allowHostsEnv', () => {
  it('reads a comma-separated host list, trimmed and lower-cased, empty when unset', () => {
    expect(allowHostsEnv.parse(' Feeds.Internal, 127.0.0.1 ,,')).toEqual(['feeds.internal', '127.0.0.1']);
    expect(allowHostsEnv.parse(undefined)).toEqual([]);
    expect(allowHostsEnv.parse('')).toEqual([]);
  });
});
