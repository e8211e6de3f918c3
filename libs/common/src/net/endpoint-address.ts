import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/** Portuguese names of the special-purpose ranges ipaddr.js knows; anything not `unicast` is never called. */
const RANGE_NAMES: Record<string, string> = {
  unspecified: 'não especificado',
  broadcast: 'broadcast',
  loopback: 'loopback',
  private: 'privado',
  uniqueLocal: 'privado',
  linkLocal: 'link-local',
  multicast: 'multicast',
  carrierGradeNat: 'compartilhado (CGNAT)',
  reserved: 'reservado',
};

/** Cloud metadata services: named apart so the refusal says what the address really is. */
const METADATA = [ipaddr.parse('169.254.169.254'), ipaddr.parse('fd00:ec2::254')];

/** IPv6 forms that carry an IPv4 address: the connection reaches (or is translated to) that address. */
const NAT64_LOCAL = ipaddr.parseCIDR('64:ff9b:1::/48');
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/** The IPv4 address an IPv6 address stands for (mapped, translated, NAT64, 6to4), or null. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = address.toByteArray();
  switch (address.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
    case 'rfc6052':
      return new ipaddr.IPv4(bytes.slice(12, 16));
    case '6to4':
      return new ipaddr.IPv4(bytes.slice(2, 6));
    case 'unicast':
      // `::` and `::1` have ranges of their own; the rest of ::/96 is the obsolete IPv4-compatible form.
      if (address.match(NAT64_LOCAL) || address.match(IPV4_COMPATIBLE)) return new ipaddr.IPv4(bytes.slice(12, 16));
      return null;
    default:
      return null;
  }
}

/**
 * The kind of non-public range `address` falls in (`loopback`, `privado`...), or null when it is public.
 * An address is judged by what it reaches: `::ffff:7f00:1`, `64:ff9b::7f00:1` and `2002:7f00:1::` are loopback.
 * Text that is not an address is never public.
 */
export function nonPublicRange(address: string): string | null {
  const text = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(text)) return 'inválido';
  let parsed = ipaddr.parse(text);
  if (parsed.kind() === 'ipv6') {
    const ipv6 = parsed as ipaddr.IPv6;
    if (ipv6.zoneId) return 'link-local';
    const embedded = embeddedIpv4(ipv6);
    if (embedded) parsed = embedded;
  }
  if (METADATA.some((metadata) => metadata.kind() === parsed.kind() && metadata.toNormalizedString() === parsed.toNormalizedString())) {
    return 'metadados de nuvem';
  }
  const range = parsed.range();
  if (range === 'unicast') return null;
  return RANGE_NAMES[range] ?? `reservado (${range})`;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves endpoint names: through the configured DNS servers when there are some (`DNS_SERVERS`),
 * else as the operating system does (hosts file included).
 */
export class HostResolver {
  private readonly resolver?: dns.promises.Resolver;

  constructor(servers: readonly string[] = []) {
    if (servers.length > 0) {
      this.resolver = new dns.promises.Resolver({ timeout: 2_000, tries: 2 });
      this.resolver.setServers([...servers]);
    }
  }

  async resolve(host: string): Promise<ResolvedAddress[]> {
    const literal = host.replace(/^\[|\]$/g, '');
    const family = net.isIP(literal);
    if (family) return [{ address: literal, family: family as 4 | 6 }];
    if (!this.resolver) {
      const found = await dns.promises.lookup(host, { all: true });
      return found.map(({ address, family: f }) => ({ address, family: f as 4 | 6 }));
    }
    const settled = await Promise.allSettled([this.resolver.resolve4(host), this.resolver.resolve6(host)]);
    const found = settled.flatMap((result, index) =>
      result.status === 'fulfilled' ? result.value.map((address) => ({ address, family: (index === 0 ? 4 : 6) as 4 | 6 })) : [],
    );
    if (found.length === 0) throw Object.assign(new Error(`${host} does not resolve`), { code: 'ENOTFOUND' });
    return found;
  }
}
