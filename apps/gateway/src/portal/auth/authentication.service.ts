import type { TLSSocket } from 'node:tls';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthorityService } from '#authority';
import { ClockService } from '#clock';
import { PortalException } from '#common';
import { AppConfig } from '#config';
import { Interveniente } from '#database';
import type { IcpIdentity } from '#pki';
import { presentedIdentity, refused } from './presented-certificate.js';
import { ROLE_TYPES } from './role-types.js';
import { type CsrfToken, TokenService } from './token.service.js';

export interface Authenticated {
  jwt: string;
  csrf: CsrfToken;
}

const refuse = (code: string, message: string) => new PortalException(422, code, message);

/** The portal's two certificate logins, checked against the authorization base. */
@Injectable()
export class AuthenticationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authority: AuthorityService,
    private readonly clock: ClockService,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
  ) {}

  /** `POST /portal/api/autenticar`: e-CPF or e-CNPJ with a Role-Type. */
  async withRoleType(socket: TLSSocket, roleType: string | undefined): Promise<Authenticated> {
    if (!roleType) throw refuse('PUCX-ER0101', 'O header Role-Type é obrigatório.');
    const accepted = ROLE_TYPES[roleType];
    if (!accepted) throw refuse('PUCX-ER0102', `Role-Type inválido: ${roleType}.`);
    const identity = await presentedIdentity(socket, await this.authority.certificateAuthority());
    if (identity.tipo === 'EQUIPAMENTO') {
      throw refused('certificado de equipamento não é aceito neste serviço; use /portal/api/autenticar/sistema');
    }
    if (!identity.tipo || !accepted.includes(identity.tipo)) {
      throw refuse('PLAT-ER2008', `Certificado ${identity.tipo} não é válido para o perfil ${roleType}.`);
    }
    const ni = identity.tipo === 'e-CPF' ? identity.cpf! : identity.cnpj!;
    const party = await this.dataSource.getRepository(Interveniente).findOneBy({ ni });
    if (!party || !party.active || !party.roleTypes.includes(roleType)) {
      throw identity.tipo === 'e-CPF'
        ? refuse('PLAT-ER2013', `Usuário não possui representação no perfil ${roleType}.`)
        : refuse('PLAT-ER2023', `CNPJ não habilitado para o perfil ${roleType}.`);
    }
    return this.login(`perfil:${ni}:${roleType}`, party, roleType, identity);
  }

  /** `POST /portal/api/autenticar/sistema`: equipment certificate with a System-Code (public bodies). */
  async withSystemCode(socket: TLSSocket, systemCode: string | undefined): Promise<Authenticated> {
    const identity = await presentedIdentity(socket, await this.authority.certificateAuthority());
    if (identity.tipo !== 'EQUIPAMENTO') {
      throw refuse('PLAT-ER8001', 'Não foi apresentado um certificado de equipamento válido.');
    }
    const party = await this.dataSource.getRepository(Interveniente).findOneBy({ ni: identity.cnpj! });
    if (!party || party.tipo === 'PRIVADO' || !party.systemCode) {
      throw refuse('PLAT-ER8002', 'Certificado não habilitado no Portal Único: solicite a habilitação à SECEX.');
    }
    if (!systemCode || systemCode !== party.systemCode) throw refuse('PLAT-ER8003', 'System-Code inválido.');
    if (!party.active) throw refuse('PLAT-ER8004', 'Sistema integrado inativo.');
    return this.login(`sistema:${party.ni}:${systemCode}`, party, 'SISTEMA', identity);
  }

  private async login(credential: string, party: Interveniente, perfil: string, identity: IcpIdentity): Promise<Authenticated> {
    const now = await this.clock.now();
    await this.guardMassiveAccess(credential, now);
    const { jwt, csrf } = this.tokens.issue(
      { sub: party.id, ni: party.ni, tipo: party.tipo, uf: party.uf, orgao: party.orgao, perfil, certificado: identity.serialNumber },
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
