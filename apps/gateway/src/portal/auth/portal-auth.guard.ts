import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { ClockService } from '#clock';
import { IS_PUBLIC, PortalException } from '#common';
import { Interveniente } from '#database';
import { type TokenClaims, TokenService } from './token.service.js';

export const SESSION_COOKIE = 'JWTPCMX_USR';

export interface PortalSession {
  interveniente: Interveniente;
  claims: TokenClaims;
}

type PortalRequest = Request & { portalSession?: PortalSession };

/** The authenticated party of a portal request. */
export const CurrentSession = createParamDecorator(
  (_: unknown, context: ExecutionContext): PortalSession => context.switchToHttp().getRequest<PortalRequest>().portalSession!,
);

/** `JWTPCMX_USR=<jwt>` from the Cookie header, as real integrators send it. */
function sessionCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

/**
 * Every portal route but the logins: `Authorization: <Set-Token>` (with or without `Bearer `) or the
 * `JWTPCMX_USR` cookie, plus `X-CSRF-Token`. Renews X-CSRF-Token/X-CSRF-Expiration on every response.
 */
@Injectable()
export class PortalAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly clock: ClockService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<PortalRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const authorization = request.headers.authorization?.replace(/^Bearer\s+/i, '').trim() || sessionCookie(request.headers.cookie);
    if (!authorization) throw new PortalException(401, 'PUCX-ER0201', 'Header Authorization ausente ou em formato inválido.');
    const now = await this.clock.now();
    const claims = this.tokens.verify(authorization, request.headers['x-csrf-token'] as string | undefined, now);
    const interveniente = await this.dataSource.getRepository(Interveniente).findOneBy({ id: claims.sub });
    if (!interveniente || !interveniente.active) throw new PortalException(401, 'PUCX-ER0202', 'Credencial inativa no Portal Único.');
    const csrf = this.tokens.csrfFor(claims.jti, now);
    response.setHeader('X-CSRF-Token', csrf.token);
    response.setHeader('X-CSRF-Expiration', String(csrf.expiration));
    request.portalSession = { interveniente, claims };
    return true;
  }
}
