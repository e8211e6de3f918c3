import type { TLSSocket } from 'node:tls';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import { AuthorityService } from '#authority';
import { ClockService } from '#clock';
import { PortalException } from '#common';
import { AppConfig } from '#config';
import { Interveniente, IssuedCertificate } from '#database';
import type { IcpIdentity } from '#pki';
import { AccessKeysService } from '../../business/access-keys/access-keys.service.js';
import { presentedIdentity, refused, TLS_REASONS } from './presented-certificate.js';
import { ROLE_TYPES } from './role-types.js';
import { type CsrfToken, TokenService } from './token.service.js';

export interface Authenticated {
  jwt: string;
  csrf: CsrfToken;
}

const refuse = (code: string, message: string) => new PortalException(422, code, message);

const keyRefused = (reason: string) => refuse('PLAT-ER8008', `Não foi possível efetuar a autenticação com chave de acesso: ${reason}.`);

/** The portal's logins, by certificate or by access key, checked against the authorization base. */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authority: AuthorityService,
    private readonly clock: ClockService,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
    private readonly accessKeys: AccessKeysService,
  ) {}

  /** `POST /portal/api/autenticar`: e-CPF or e-CNPJ with a Role-Type. */
  async withRoleType(socket: TLSSocket, roleType: string | undefined): Promise<Authenticated> {
    if (!roleType) throw refuse('PUCX-ER0101', 'O header Role-Type é obrigatório.');
    const accepted = ROLE_TYPES[roleType];
    if (!accepted) throw refuse('PUCX-ER0102', `Role-Type inválido: ${roleType}.`);
    const identity = await this.presented(socket);
    if (identity.tipo === 'EQUIPAMENTO') {
      throw refused('certificado de equipamento não é aceito neste serviço; use /portal/api/autenticar/sistema');
    }
    if (!identity.tipo || !accepted.includes(identity.tipo)) {
      throw refuse('PLAT-ER2008', `Certificado ${identity.tipo} não é válido para o perfil ${roleType}.`);
    }
    const ni = identity.tipo === 'e-CPF' ? identity.cpf! : identity.cnpj!;
    const party = await this.dataSource.getRepository(Interveniente).findOneBy({ ni });
    this.assertProfile(party, ni, roleType);
    return this.login(`perfil:${ni}:${roleType}`, party!, roleType, { certificado: identity.serialNumber });
  }

  /** `POST /portal/api/autenticar/chave-acesso`: a key pair with a Role-Type, as the key's owner. */
  async withAccessKey(clientId: string | undefined, clientSecret: string | undefined, roleType: string | undefined): Promise<Authenticated> {
    if (!roleType) throw refuse('PUCX-ER0101', 'O header Role-Type é obrigatório.');
    const accepted = ROLE_TYPES[roleType];
    if (!accepted) throw refuse('PUCX-ER0102', `Role-Type inválido: ${roleType}.`);
    const owner = await this.keyOwner(clientId, clientSecret);
    const kind = owner.ni.length === 11 ? 'e-CPF' : 'e-CNPJ';
    if (!accepted.includes(kind)) throw refuse('PLAT-ER2008', `Credencial de ${kind} não é válida para o perfil ${roleType}.`);
    this.assertProfile(owner, owner.ni, roleType);
    return this.login(`chave:${clientId}:${roleType}`, owner, roleType, { chaveAcesso: clientId! });
  }

  /** `POST /portal/api/autenticar/chave-acesso/sistema`: a key pair with a System-Code (public bodies). */
  async withAccessKeyAndSystemCode(
    clientId: string | undefined,
    clientSecret: string | undefined,
    systemCode: string | undefined,
  ): Promise<Authenticated> {
    const owner = await this.keyOwner(clientId, clientSecret);
    if (owner.tipo === 'PRIVADO' || !owner.systemCode) {
      throw keyRefused('autenticação de sistema integrado de uso restrito dos órgãos da administração pública');
    }
    if (!systemCode || systemCode !== owner.systemCode) throw refuse('PLAT-ER8003', 'A chave de acesso enviada não é válida (System-Code).');
    if (!owner.active) throw refuse('PLAT-ER8004', 'O cadastro de sistema integrado não está mais ativo.');
    return this.login(`chave-sistema:${clientId}:${systemCode}`, owner, 'SISTEMA', { chaveAcesso: clientId! });
  }

  private async keyOwner(clientId: string | undefined, clientSecret: string | undefined): Promise<Interveniente> {
    if (!clientId || !clientSecret) throw keyRefused('os headers Client-Id e Client-Secret são obrigatórios');
    const result = await this.accessKeys.authenticate(clientId, clientSecret);
    if ('refusal' in result) throw keyRefused(result.refusal);
    return result.owner;
  }

  private assertProfile(party: Interveniente | null, ni: string, roleType: string): void {
    if (party && party.active && party.roleTypes.includes(roleType)) return;
    throw ni.length === 11
      ? refuse('PLAT-ER2013', `Usuário não possui representação no perfil ${roleType}.`)
      : refuse('PLAT-ER2023', `CNPJ não habilitado para o perfil ${roleType}.`);
  }

  /**
   * The presented certificate, its revocation checked here on every login: OpenSSL checks the CRL only at
   * the handshake, and a kept-alive connection would otherwise carry a revoked certificate's old verdict.
   */
  private async presented(socket: TLSSocket): Promise<IcpIdentity> {
    const identity = await presentedIdentity(socket, await this.authority.certificateAuthority());
    const revoked = await this.dataSource
      .getRepository(IssuedCertificate)
      .exists({ where: { serialNumber: identity.serialNumber.toUpperCase(), revokedAt: Not(IsNull()) } });
    if (revoked) throw refused(TLS_REASONS.CERT_REVOKED);
    return identity;
  }

  /** `POST /portal/api/autenticar/sistema`: equipment certificate with a System-Code (public bodies). */
  async withSystemCode(socket: TLSSocket, systemCode: string | undefined): Promise<Authenticated> {
    const identity = await this.presented(socket);
    if (identity.tipo !== 'EQUIPAMENTO') {
      throw refuse('PLAT-ER8001', 'Não foi apresentado um certificado de equipamento válido.');
    }
    const party = await this.dataSource.getRepository(Interveniente).findOneBy({ ni: identity.cnpj! });
    if (!party || party.tipo === 'PRIVADO' || !party.systemCode) {
      throw refuse('PLAT-ER8002', 'Certificado não habilitado no Portal Único: solicite a habilitação à SECEX.');
    }
    if (!systemCode || systemCode !== party.systemCode) throw refuse('PLAT-ER8003', 'System-Code inválido.');
    if (!party.active) throw refuse('PLAT-ER8004', 'Sistema integrado inativo.');
    return this.login(`sistema:${party.ni}:${systemCode}`, party, 'SISTEMA', { certificado: identity.serialNumber });
  }

  private async login(
    credential: string,
    party: Interveniente,
    perfil: string,
    credentialClaim: { certificado: string } | { chaveAcesso: string },
  ): Promise<Authenticated> {
    const now = await this.clock.now();
    await this.guardMassiveAccess(credential, now);
    const { jwt, csrf } = this.tokens.issue(
      { sub: party.id, ni: party.ni, tipo: party.tipo, uf: party.uf, orgao: party.orgao, perfil, ...credentialClaim },
      now,
    );
    return { jwt, csrf };
  }

  /** PLAT-ER2033: one valid authentication per credential every 60 s ("bloqueio de acesso massivo"). */
  private async guardMassiveAccess(credential: string, now: Date): Promise<void> {
    const window = this.config.AUTH_REAUTH_WINDOW_MS;
    const [[row]] = await this.dataSource.query(
      `INSERT INTO portal_login (credential, authenticated_at) VALUES ($1, $2)
       ON CONFLICT (credential) DO UPDATE SET authenticated_at = EXCLUDED.authenticated_at
         WHERE portal_login.authenticated_at <= $2::timestamptz - $3 * interval '1 millisecond'
       RETURNING credential`,
      [credential, now, window],
    ).then((rows: unknown[]) => [rows]);
    if (!row) {
      throw refuse('PLAT-ER2033', 'Operação não autorizada. Usuário realizou autenticação válida nos últimos 60 segundos.');
    }
  }
}
