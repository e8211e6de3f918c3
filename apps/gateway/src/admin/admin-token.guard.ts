import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppConfig } from '#config';
import { IS_PUBLIC } from '#common';
import { adminError } from './admin-error.js';

/** Whether an `Authorization` header carries the admin token; the scheme is case-insensitive (RFC 9110 §11.1): `bearer`, `BEARER` and `Bearer` all name it. */
export function carriesAdminToken(header: string | undefined, expected: Buffer): boolean {
  const given = Buffer.from(/^bearer +(.*)$/i.exec(header ?? '')?.[1] ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The admin API answers only to `Authorization: Bearer <ADMIN_TOKEN>`. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.expected = Buffer.from(config.ADMIN_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    if (carriesAdminToken(context.switchToHttp().getRequest<Request>().headers.authorization, this.expected)) return true;
    throw adminError(401, 'Token de administração ausente ou inválido.');
  }
}
