import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';

export interface DnsServer {
  /** `ip:port` for the simulator's DNS_SERVERS. */
  address: string;
  /** Name → IPv4 address; change it to re-point a name between two resolutions. */
  records: Map<string, string>;
  close: () => Promise<void>;
}

const TYPE_A = 1;

/**
 * A real DNS server on loopback answering A queries from `records` with TTL 0 (every lookup is fresh);
 * other types get an empty answer, unknown names NXDOMAIN. Enough to point a public-looking name anywhere.
 */
export async function startDnsServer(records: Record<string, string>): Promise<DnsServer> {
  const table = new Map(Object.entries(records));
  const socket = dgram.createSocket('udp4');
  socket.on('message', (query, peer) => {
    // Question: labels from byte 12, then QTYPE and QCLASS.
    const labels: string[] = [];
    let offset = 12;
    while (query[offset] !== 0) {
      labels.push(query.subarray(offset + 1, offset + 1 + query[offset]).toString('ascii'));
      offset += query[offset] + 1;
    }
    const questionEnd = offset + 5;
    const type = query.readUInt16BE(offset + 1);
    const address = table.get(labels.join('.').toLowerCase());
    const answers = address && type === TYPE_A ? [address] : [];
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2);
    header.writeUInt16BE(0x8180 | (address ? 0 : 3), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const records = answers.map((ip) => {
      const record = Buffer.alloc(16);
      record.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
      record.writeUInt16BE(TYPE_A, 2);
      record.writeUInt16BE(1, 4); // IN
      record.writeUInt32BE(0, 6); // TTL 0
      record.writeUInt16BE(4, 10);
      ip.split('.').forEach((octet, index) => record.writeUInt8(Number(octet), 12 + index));
      return record;
    });
    socket.send(Buffer.concat([header, query.subarray(12, questionEnd), ...records]), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(socket.address() as AddressInfo).port}`,
    records: table,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
