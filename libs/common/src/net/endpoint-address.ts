import dns from 'node:dns';
import net from 'node:net';

/** Ranges the real portal never calls: only public addresses receive notifications. */
const NON_PUBLIC: ReadonlyArray<[range: string, prefix: number, family: 'ipv4' | 'ipv6', kind: string]> = [
  ['0.0.0.0', 8, 'ipv4', 'não especificado'],
  ['10.0.0.0', 8, 'ipv4', 'privado'],
  ['100.64.0.0', 10, 'ipv4', 'compartilhado (CGNAT)'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.169.254', 32, 'ipv4', 'metadados de nuvem'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'privado'],
  ['192.0.0.0', 24, 'ipv4', 'reservado'],
  ['192.0.2.0', 24, 'ipv4', 'documentação'],
  ['192.168.0.0', 16, 'ipv4', 'privado'],
  ['198.18.0.0', 15, 'ipv4', 'reservado'],
  ['198.51.100.0', 24, 'ipv4', 'documentação'],
  ['203.0.113.0', 24, 'ipv4', 'documentação'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reservado'],
  ['::', 128, 'ipv6', 'não especificado'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fd00:ec2::254', 128, 'ipv6', 'metadados de nuvem'],
  ['fc00::', 7, 'ipv6', 'privado'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
  ['2001:db8::', 32, 'ipv6', 'documentação'],
];

const RANGES = NON_PUBLIC.map(([range, prefix, family, kind]) => {
  const list = new net.BlockList();
  list.addSubnet(range, prefix, family);
  return { list, family, kind };
});

const IPV4_IN_IPV6 = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i;

/** The kind of non-public range `address` falls in (`loopback`, `privado`...), or null when it is public. */
export function nonPublicRange(address: string): string | null {
  // An IPv4 address written as IPv6 (mapped or NAT64) is judged as the IPv4 address it reaches.
  const embedded = IPV4_IN_IPV6.exec(address)?.[1];
  const ip = embedded ?? address;
  const family = net.isIPv4(ip) ? 'ipv4' : 'ipv6';
  return RANGES.find((range) => range.family === family && range.list.check(ip, family))?.kind ?? null;
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
