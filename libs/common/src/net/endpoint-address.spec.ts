import { describe, expect, it } from 'vitest';
import { nonPublicRange } from './endpoint-address.js';

describe('nonPublicRange', () => {
  it('judges an IPv4 address written as IPv6 (mapped, translated, NAT64, 6to4) by the IPv4 address it reaches', () => {
    const cases: Array<[string, string]> = [
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['[::ffff:7f00:1]', 'loopback'],
      ['::ffff:a9fe:a9fe', 'metadados de nuvem'],
      ['0:0:0:0:0:ffff:10.0.0.1', 'privado'],
      ['::ffff:a00:1', 'privado'],
      ['64:ff9b::7f00:1', 'loopback'],
      ['64:ff9b::192.168.1.1', 'privado'],
      ['64:ff9b:1::a00:1', 'privado'],
      ['::ffff:0:7f00:1', 'loopback'],
      ['2002:7f00:1::', 'loopback'],
      ['::127.0.0.1', 'loopback'],
    ];
    for (const [address, range] of cases) expect(nonPublicRange(address), address).toBe(range);
  });

  it('refuses the special ranges of both families and keeps public unicast', () => {
    expect(nonPublicRange('127.0.0.1')).toBe('loopback');
    expect(nonPublicRange('169.254.169.254')).toBe('metadados de nuvem');
    expect(nonPublicRange('fd00:ec2::254')).toBe('metadados de nuvem');
    expect(nonPublicRange('100.64.0.1')).toBe('compartilhado (CGNAT)');
    expect(nonPublicRange('::1')).toBe('loopback');
    expect(nonPublicRange('fe80::1%eth0')).toBe('link-local');
    expect(nonPublicRange('2001:db8::1')).toBe('reservado');
    expect(nonPublicRange('2001::1')).toMatch(/reservado/);
    expect(nonPublicRange('not-an-address')).toBe('inválido');
    expect(nonPublicRange('200.152.32.10')).toBeNull();
    expect(nonPublicRange('::ffff:200.152.32.10')).toBeNull();
    expect(nonPublicRange('64:ff9b::c898:200a')).toBeNull();
    expect(nonPublicRange('2804:14c::1')).toBeNull();
  });
});
