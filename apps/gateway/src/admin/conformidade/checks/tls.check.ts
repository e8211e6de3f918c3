import { isIP } from 'node:net';
import tls from 'node:tls';
import type { Check } from '../check.js';

const RULE = 'Webhooks page of the portal: HTTPS with TLS 1.2 or later; the portal verifies the certificate (valid, for the name, complete chain).';

/** What the real portal would refuse, named from OpenSSL's verification codes. */
const NAMED: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate: the portal trusts only certificates issued by a CA',
  SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends in a self-signed root the portal does not trust',
  CERT_HAS_EXPIRED: 'expired certificate',
  CERT_NOT_YET_VALID: 'certificate not yet valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'name mismatch: the certificate is not valid for the endpoint host',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'incomplete chain: the server does not send the intermediate CA(s)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'incomplete chain or unknown CA: the issuer is neither sent nor trusted',
};

const TLS_1_2_OR_LATER = new Set(['TLSv1.2', 'TLSv1.3']);

export interface TlsTarget {
  host: string;
  port: number;
  /** The address to dial (already resolved, so the probe and the deliveries reach the same place). */
  address: string;
  ca: string[];
  timeoutMs: number;
}

/**
 * One handshake, verifying nothing on the way so everything wrong can be named at once: the protocol
 * negotiated, then the certificate against the same trust the deliveries use.
 */
export function tlsCheck(target: TlsTarget): Promise<Check> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const envio = `handshake with ${target.host}:${target.port}`;
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: target.address,
      port: target.port,
      servername: isIP(target.host) ? undefined : target.host,
      ca: target.ca,
      rejectUnauthorized: false,
      // Offer everything: a server that picks TLS 1.0/1.1 is then named, rather than a bare handshake error.
      minVersion: 'TLSv1',
      // Node checks the name against the host given; give it the endpoint's, not the dialled address.
      checkServerIdentity: (_host, cert) => tls.checkServerIdentity(target.host.replace(/^\[|\]$/g, ''), cert),
      timeout: target.timeoutMs,
    });
    const finish = (check: Check) => {
      socket.destroy();
      resolve(check);
    };
    socket.once('timeout', () =>
      finish({ id: 'tls', veredito: 'FALHOU', motivo: `no TLS handshake within ${target.timeoutMs} ms`, regra: RULE, evidencias: [{ envio, status: null, tempoMs: elapsed(), causa: 'TIMEOUT' }] }),
    );
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish({
        id: 'tls',
        veredito: 'FALHOU',
        motivo: `TLS handshake failed: ${error.message}`,
        regra: RULE,
        evidencias: [{ envio, status: null, tempoMs: elapsed(), causa: `TLS_${error.code ?? 'ERRO'}` }],
      }),
    );
    socket.once('secureConnect', () => {
      const protocol = socket.getProtocol() ?? 'desconhecido';
      const cert = socket.getPeerCertificate(true);
      const problems: string[] = [];
      if (!TLS_1_2_OR_LATER.has(protocol)) problems.push(`${protocol} negotiated: the portal requires TLS 1.2 or later`);
      const code = socket.authorized ? null : String(socket.authorizationError ?? 'UNKNOWN');
      if (code) problems.push(NAMED[code] ?? `certificate refused (${code})`);
      const chain = chainSubjects(cert);
      finish({
        id: 'tls',
        veredito: problems.length ? 'FALHOU' : 'PASSOU',
        motivo: problems.length ? problems.join('; ') : `${protocol}, certificate valid for ${target.host} until ${cert.valid_to}, chain verified`,
        regra: RULE,
        evidencias: [{ envio, status: null, tempoMs: elapsed(), causa: code ? `TLS_${code}` : protocol, trecho: `chain: ${chain.join(' <- ')}` }],
      });
    });
  });
}

function chainSubjects(cert: tls.DetailedPeerCertificate): string[] {
  const subjects: string[] = [];
  let current: tls.DetailedPeerCertificate | undefined = cert;
  while (current && current.subject && subjects.length < 10) {
    subjects.push([current.subject.CN ?? JSON.stringify(current.subject)].flat().join(','));
    if (!current.issuerCertificate || current.issuerCertificate === current) break;
    current = current.issuerCertificate;
  }
  return subjects;
}
