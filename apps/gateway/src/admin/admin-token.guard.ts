import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppConfig } from '#config';
import { IS_PUBLIC } from '#common';
import { adminError } from './admin-error.js';

/** The admin API answers only to `Authorization: Bearer <ADMIN_TOKEN>`. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.expected = Buffer.from(`Bearer ${config.ADMIN_TOKEN}`);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const given = Buffer.from(context.switchToHttp().getRequest<Request>().headers.authorization ?? '');
    if (given.length === this.expected.length && timingSafeEqual(given, this.expected)) return true;
    throw adminError(401, 'Token de administração ausente ou inválido.');
  }
}
