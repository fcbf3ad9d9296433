import { describe, expect, it } from 'vitest';

import { isPublicAddress } from '@wirelens/core/urls';

import { createSsrfGuard, type ResolveHost } from './ssrf-guard.js';

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'IPv6 loopback'],
    ['10.0.0.1', 'private 10/8'],
    ['10.255.255.255', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['169.254.0.1', 'link-local'],
    ['169.254.169.254', 'cloud metadata'],
    ['fd00:ec2::254', 'AWS IPv6 metadata'],
    ['fe80::1', 'IPv6 link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'IPv6 multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback (hex)'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['64:ff9b::a00:1', 'NAT64 embedding 10.0.0.1'],
    ['2002:7f00:1::', '6to4 embedding 127.0.0.1'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::7f00:1', 'IPv4-compatible loopback (hex)'],
    ['::a00:1', 'IPv4-compatible private'],
    ['::8.8.8.8', 'IPv4-compatible (deprecated, even for a public IPv4)'],
    ['::ffff:0:127.0.0.1', 'IPv4-translated loopback'],
    ['::ffff:0:7f00:1', 'IPv4-translated loopback (hex)'],
    ['64:ff9b::127.0.0.1', 'NAT64 embedding 127.0.0.1'],
    ['64:ff9b::8.8.8.8', 'NAT64 embedding a public address'],
    ['64:ff9b:1::a00:1', 'local-use NAT64 embedding 10.0.0.1'],
    ['2002:a9fe:a9fe::', '6to4 embedding 169.254.169.254'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo'],
    ['::1:2:3', 'reserved 0000::/8'],
    ['not-an-ip', 'garbage'],
  ])('blocks %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '93.184.216.34',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
  ])('allows public %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('createSsrfGuard().checkUrl', () => {
  const guard = createSsrfGuard();

  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://0/',
    'http://[::1]:8080/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::127.0.0.1]/',
    'http://[::7f00:1]:8080/',
    'http://[::ffff:0:127.0.0.1]/',
    'http://[64:ff9b::127.0.0.1]/',
    'http://[2002:7f00:1::]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://localhost:3000/',
    'http://app.localhost/',
    'http://LOCALHOST./',
    'ftp://example.com/',
    'file:///etc/passwd',
    'gopher://127.0.0.1:6379/_INFO',
  ])('blocks %s before any DNS lookup', (url) => {
    expect(() => guard.checkUrl(new URL(url))).toThrow(expect.objectContaining({ code: 'BLOCKED_URL' }));
  });

  it('lets public IPs and ordinary names through to resolution', () => {
    expect(() => guard.checkUrl(new URL('https://8.8.8.8/'))).not.toThrow();
    expect(() => guard.checkUrl(new URL('https://example.com/feed'))).not.toThrow();
  });

  it('exempts allowHosts', () => {
    expect(() =>
      createSsrfGuard({ allowHosts: ['127.0.0.1'] }).checkUrl(new URL('http://127.0.0.1:9/')),
    ).not.toThrow();
    expect(() => createSsrfGuard({ allowHosts: ['::1'] }).checkUrl(new URL('http://[::1]:9/'))).not.toThrow();
  });
});

describe('createSsrfGuard().resolvePublic', () => {
  const fakeDns: Record<string, string[]> = {
    'public.test': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    'mixed.test': ['93.184.216.34', '10.0.0.7'],
    'rebind.test': ['127.0.0.1'],
    'mapped.test': ['::ffff:192.168.0.1'],
    'empty.test': [],
  };
  const resolve: ResolveHost = (hostname) =>
    Promise.resolve(
      (fakeDns[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  const guard = createSsrfGuard({ resolve });

  it('returns the addresses of a public name', async () => {
    await expect(guard.resolvePublic('public.test')).resolves.toHaveLength(2);
  });

  it.each(['mixed.test', 'rebind.test', 'mapped.test'])(
    'refuses %s, which resolves to a non-public address',
    async (host) => {
      await expect(guard.resolvePublic(host)).rejects.toMatchObject({ code: 'BLOCKED_URL' });
    },
  );

  it('fails a name without addresses', async () => {
    await expect(guard.resolvePublic('empty.test')).rejects.toMatchObject({ code: 'FETCH_FAILED' });
  });

  it('allows a listed name whatever it resolves to', async () => {
    await expect(
      createSsrfGuard({ resolve, allowHosts: ['rebind.test'] }).resolvePublic('rebind.test'),
    ).resolves.toEqual([{ address: '127.0.0.1', family: 4 }]);
  });

  it('does not let a listed IP vouch for other names resolving to it', async () => {
    const guardWithIp = createSsrfGuard({ resolve, allowHosts: ['127.0.0.1'] });
    await expect(guardWithIp.resolvePublic('127.0.0.1')).resolves.toHaveLength(1);
    await expect(guardWithIp.resolvePublic('rebind.test')).rejects.toMatchObject({ code: 'BLOCKED_URL' });
  });
});
