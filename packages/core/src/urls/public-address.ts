import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is on the public internet. Only ipaddr.js's `unicast` range passes: that
 * excludes loopback, private, link-local (so 169.254.169.254), CGNAT, 0.0.0.0/8, multicast,
 * broadcast, reserved and documentation ranges, unique-local IPv6 (so fd00:ec2::254), and the
 * IPv6 forms that embed an IPv4 address (mapped, 6to4, Teredo, NAT64), which could smuggle one in.
 * An IPv4-mapped address is judged by the IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return false;
  let parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}
