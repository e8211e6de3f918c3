import type { TLSSocket } from 'node:tls';
import { PortalException } from '#common';
import { type CertificateAuthority, type IcpIdentity, isIssuedByAuthority, parseIcpIdentity } from '#pki';

/** Why OpenSSL refused the client certificate, in the portal's words (PLAT-ER2001). */
export const TLS_REASONS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'o certificado está expirado',
  CERT_NOT_YET_VALID: 'o certificado ainda não é válido',
  CERT_REVOKED: 'o certificado foi revogado',
  INVALID_PURPOSE: 'o certificado não permite autenticação de cliente (clientAuth)',
  CRL_HAS_EXPIRED: 'a lista de certificados revogados está expirada',
};
const FOREIGN_CA = 'o certificado não foi emitido por uma Autoridade Certificadora reconhecida (ICP-Brasil)';

export function refused(reason: string): PortalException {
  return new PortalException(422, 'PLAT-ER2001', `Certificado digital inválido: ${reason}.`);
}

/**
 * Judges the client certificate of a portal request. The TLS layer accepts any certificate
 * (rejectUnauthorized: false) so that a refusal is answered with the portal's body, not a reset.
 */
export async function presentedIdentity(socket: TLSSocket, authority: CertificateAuthority): Promise<IcpIdentity> {
  const peer = socket.getPeerCertificate(false);
  // Without a certificate OpenSSL reports UNABLE_TO_GET_ISSUER_CERT and `peer` is empty.
  if (!peer || !peer.raw) throw refused('nenhum certificado digital foi apresentado');
  if (!socket.authorized) {
    const code = String(socket.authorizationError ?? '');
    // OpenSSL names the last error it found: a foreign chain may read UNABLE_TO_GET_CRL.
    if (!(await isIssuedByAuthority(authority, peer.raw))) throw refused(FOREIGN_CA);
    throw refused(TLS_REASONS[code] ?? `falha na validação (${code})`);
  }
  const identity = parseIcpIdentity(peer.raw);
  if (!identity.cnpj && !identity.cpf) {
    throw refused('o certificado não contém identificação ICP-Brasil (CPF/CNPJ nos campos otherName)');
  }
  if (identity.problems.length > 0) {
    throw refused(`o certificado não segue o DOC-ICP-04 (${identity.problems.join('; ')})`);
  }
  if (!identity.nivel) throw refused('a política do certificado não é A1 nem A3');
  return identity;
}
