import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PortalException } from '#common';
import { MAINTENANCE_CODE, MAINTENANCE_MESSAGE, maintenanceEnd } from '#platform';
import { PlatformStateService } from './platform-state.service.js';

/**
 * The daily scheduled stop: during it every portal route, the logins included, answers PUCX-ER0401.
 * 422 as the platform answers its mapped errors (the authentication API declares only 200, 422 and 500);
 * the portal documents no status of its own for this code.
 */
@Injectable()
export class MaintenanceGuard implements CanActivate {
  constructor(private readonly platform: PlatformStateService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const { now, maintenance } = await this.platform.forRequest(request);
    const end = maintenanceEnd(now, maintenance);
    if (!end) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.ceil((end.getTime() - now.getTime()) / 1000)));
    throw new PortalException(422, MAINTENANCE_CODE, MAINTENANCE_MESSAGE);
  }
}
