import { readFileSync } from 'node:fs';

/**
 * The reference receiver's settings, all from the environment, every bad one named at boot.
 * Certificates are PEM files: the receiver's TLS server certificate (with its chain) and the Sefaz's
 * ICP-Brasil equipment certificate it authenticates to the portal with.
 */
export interface ReceptorConfig {
  host: string;
  port: number;
  serverCertPem: string;
  serverKeyPem: string;
  databaseUrl: string;
  /** Its own PostgreSQL schema: the receiver shares nothing with the portal. */
  schema: string;
  /** The chaveSecreta given when subscribing; empty: any `secret` is accepted (not recommended). */
  secret: string;
  /** Refuse notifications whose source address is not in the portal's published /ips list. */
  checkSource: boolean;
  portalUrl: string;
  portalCaPem: string;
  equipmentCertPem: string;
  equipmentKeyPem: string;
  systemCode: string;
  /** The UF this Sefaz answers ICMS for. */
  uf: string;
}

export function loadReceptorConfig(env: Record<string, string | undefined>): ReceptorConfig {
  const bad: string[] = [];
  const required = (name: string) => {
    const value = env[name];
    if (!value) bad.push(`${name} is required`);
    return value ?? '';
  };
  const file = (name: string) => {
    const path = required(name);
    if (!path) return '';
    try {
      return readFileSync(path, 'utf8');
    } catch {
      bad.push(`${name}: cannot read ${path}`);
      return '';
    }
  };
  const port = Number(env.RECEPTOR_PORT ?? 9443);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) bad.push('RECEPTOR_PORT must be a port number');
  const schema = env.RECEPTOR_SCHEMA ?? 'sefaz_receptor';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) bad.push('RECEPTOR_SCHEMA must be a lowercase SQL identifier');
  const uf = required('RECEPTOR_UF');
  if (uf && !/^[A-Z]{2}$/.test(uf)) bad.push('RECEPTOR_UF must be a UF such as SP');
  const config: ReceptorConfig = {
    host: env.RECEPTOR_HOST ?? '127.0.0.1',
    port,
    serverCertPem: file('RECEPTOR_TLS_CERT_FILE'),
    serverKeyPem: file('RECEPTOR_TLS_KEY_FILE'),
    databaseUrl: required('RECEPTOR_DATABASE_URL'),
    schema,
    secret: env.RECEPTOR_SECRET ?? '',
    checkSource: env.RECEPTOR_CHECK_SOURCE === 'true',
    portalUrl: required('PORTAL_URL'),
    portalCaPem: file('PORTAL_CA_FILE'),
    equipmentCertPem: file('PORTAL_CERT_FILE'),
    equipmentKeyPem: file('PORTAL_KEY_FILE'),
    systemCode: required('PORTAL_SYSTEM_CODE'),
    uf,
  };
  if (bad.length) throw new Error(`sefaz-receptor refuses to start:\n  ${bad.join('\n  ')}`);
  return config;
}
