import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config';
import { PortalException } from '#common';

export interface TokenClaims {
  /** The interveniente's id. */
  sub: string;
  ni: string;
  tipo: string;
  uf: string | null;
  orgao: string | null;
  /** Role-Type, or SISTEMA for equipment-certificate logins. */
  perfil: string;
  /** Serial number of the certificate that authenticated (certificate logins). */
  certificado?: string;
  /** Client-Id of the access key that authenticated (access-key logins). */
  chaveAcesso?: string;
  iat: number;
  exp: number;
  jti: string;
}

export interface CsrfToken {
  token: string;
  /** Epoch milliseconds (simulated clock), as the portal's X-CSRF-Expiration. */
  expiration: number;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

const unauthorized = (code: string, message: string) => new PortalException(401, code, message);

/**
 * Set-Token is a JWT signed with HS256 (decodable, as the portal says); X-CSRF-Token is opaque,
 * AES-GCM encrypted and bound to the JWT, living 60 minutes on the simulated clock. Keys are stored
 * in PostgreSQL so every gateway shares them and tokens survive restarts.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private signingKey: Buffer;
  private csrfKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.signingKey = await this.key('jwt-hs256');
    this.csrfKey = await this.key('csrf-aes256-gcm');
  }

  issue(claims: Omit<TokenClaims, 'iat' | 'exp' | 'jti'>, now: Date): { jwt: string; claims: TokenClaims; csrf: CsrfToken } {
    const full: TokenClaims = {
      ...claims,
      iat: Math.floor(now.getTime() / 1000),
      exp: Math.floor((now.getTime() + this.config.JWT_TTL_MS) / 1000),
      jti: randomUUID(),
    };
    const unsigned = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(full))}`;
    const jwt = `${unsigned}.${this.sign(unsigned)}`;
    return { jwt, claims: full, csrf: this.csrfFor(full.jti, now) };
  }

  /** Checks the JWT and its CSRF token against the simulated `now`. */
  verify(jwt: string, csrf: string | undefined, now: Date): TokenClaims {
    const parts = jwt.split('.');
    if (parts.length !== 3) throw unauthorized('PUCX-ER0201', 'Formato do Authorization inválido.');
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw unauthorized('PUCX-ER0202', 'Token de autenticação inválido.');
    }
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      throw unauthorized('PUCX-ER0201', 'Formato do Authorization inválido.');
    }
    if (claims.exp * 1000 <= now.getTime()) throw unauthorized('PUCX-ER0202', 'Token de autenticação expirado.');
    if (!csrf) throw unauthorized('PUCX-ER0203', 'Header X-CSRF-Token ausente.');
    const session = this.openCsrf(csrf);
    if (!session || session.jti !== claims.jti) throw unauthorized('PUCX-ER0203', 'X-CSRF-Token inválido para este token.');
    if (session.exp <= now.getTime()) throw unauthorized('PUCX-ER0203', 'X-CSRF-Token expirado: autentique-se novamente.');
    return claims;
  }

  /** A fresh CSRF token for the session, 60 minutes from `now`. */
  csrfFor(jti: string, now: Date): CsrfToken {
    const expiration = now.getTime() + this.config.CSRF_TTL_MS;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.csrfKey, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify({ jti, exp: expiration })), cipher.final()]);
    return { token: b64url(Buffer.concat([iv, cipher.getAuthTag(), sealed])), expiration };
  }

  private openCsrf(token: string): { jti: string; exp: number } | null {
    try {
      const raw = Buffer.from(token, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.csrfKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
    } catch {
      return null;
    }
  }

  private sign(data: string): string {
    return createHmac('sha256', this.signingKey).update(data).digest('base64url');
  }

  /** Creates the key on first boot; concurrent gateways agree on the first one written. */
  private async key(name: string): Promise<Buffer> {
    await this.dataSource.query(`INSERT INTO portal_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      name,
      randomBytes(32).toString('base64'),
    ]);
    const [row] = await this.dataSource.query('SELECT value FROM portal_secret WHERE name = $1', [name]);
    return Buffer.from(row.value, 'base64');
  }
}
