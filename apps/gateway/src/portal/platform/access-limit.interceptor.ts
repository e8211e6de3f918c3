import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { PortalException } from '#common';
import { ACCESS_LIMIT_CODE, accessLimitMessage, countAccess, type LimitedFunction } from '#platform';
import type { PortalSession } from '../auth/portal-auth.guard.js';
import { ACCESS_LIMITED } from './access-limited.decorator.js';
import { PlatformStateService } from './platform-state.service.js';

/**
 * "Limites de Acesso": after authentication (interceptors run after every guard), a limited route's call
 * is counted for the caller's interveniente; over the quota it answers PUCX-ER1001 with the time the block
 * ends. 422, the status integrators observe for this code.
 */
@Injectable()
export class AccessLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly platform: PlatformStateService,
    private readonly dataSource: DataSource,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const funcao = this.reflector.getAllAndOverride<LimitedFunction | undefined>(ACCESS_LIMITED, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<Request & { portalSession?: PortalSession }>();
    if (!funcao || !request.portalSession) return next.handle();
    const { now, accessLimits } = await this.platform.forRequest(request);
    if (!accessLimits.enabled) return next.handle();
    const limit = accessLimits.quotas[funcao];
    const count = await countAccess(this.dataSource, { intervenienteId: request.portalSession.interveniente.id, funcao, now, limit });
    if (count.refused) throw new PortalException(422, ACCESS_LIMIT_CODE, accessLimitMessage(limit, count.blockedUntil!));
    return next.handle();
  }
}
