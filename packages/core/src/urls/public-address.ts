import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is on the public internet. Only ipaddr.js's `unicast` range passes: that
 * excludes loopback, private, link-local (so 169.254.169.254), CGNAT, 0.0.0.0/8, multicast,
 * broadcast, reserved and documentation ranges, unique-local IPv6 (so fd00:ec2::254), and the
 * IPv6 forms that embed an IPv4 address (mapped, 6to4, Teredo, NAT64), which could smuggle one in.
 * An IPv4-mapped address is judged by the IPv4 address it carries. Everything else in 0000::/8 is refused:
 * it is reserved, and holds the deprecated IPv4-compatible form (`::127.0.0.1`, which URL parsing writes as
 * `::7f00:1` and ipaddr.js calls unicast), `::ffff:0:a.b.c.d` and the NAT64 prefixes 64:ff9b::/96 and /48.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return false;
  if (ipaddr.IPv4.isValid(bare)) return ipaddr.parse(bare).range() === 'unicast';
  // ipaddr.js reads `::a.b.c.d` as `::ffff:a.b.c.d`: parse the WHATWG form (`::7f00:1`) instead.
  const asUrl = `http://[${bare}]/`;
  if (!URL.canParse(asUrl)) return false;
  const parsed = ipaddr.IPv6.parse(new URL(asUrl).hostname.slice(1, -1));
  const { parts } = parsed;
  if (parts.slice(0, 5).every((part) => part === 0) && parts[5] === 0xffff) {
    return parsed.toIPv4Address().range() === 'unicast';
  }
  if ((parts[0] ?? 0) < 0x100) return false;
  return parsed.range() === 'unicast';
}
