import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isXmlBody, portalValidationPipe, prefersXml } from '#common';
import { AppConfig } from '#config';
import { carriesAdminToken } from '../admin-token.guard.js';
import { EmitirEventoDto } from './emitir-evento.dto.js';
import { EventEmission } from './event-emission.service.js';
import { isPlainEmission } from './plain-emission.js';

const BODY = { type: 'body', metatype: EmitirEventoDto } as const;

/**
 * `POST /admin/eventos` in JSON with the admin token — what CI jobs call in bulk — goes from the request
 * logger straight to the emission: the same service, errors rendered by the same filter (they go to `next`),
 * without Nest's router, guard and interceptor chain for each request. A plainly valid body skips
 * class-validator (`isPlainEmission`); any other goes through the same validation pipe.
 * Anything else (XML either way, another credential) takes the full pipeline.
 */
@Injectable()
export class EmissionFastPath implements NestMiddleware {
  private readonly adminToken: Buffer;
  private readonly pipe = portalValidationPipe();

  constructor(
    private readonly emission: EventEmission,
    config: AppConfig,
  ) {
    this.adminToken = Buffer.from(config.ADMIN_TOKEN);
  }

  use(request: Request, response: Response, next: NextFunction): void {
    if (isXmlBody(request.body) || prefersXml(request)) return next();
    if (!carriesAdminToken(request.headers.authorization, this.adminToken)) return next();
    const dto = isPlainEmission(request.body) ? Promise.resolve(request.body) : this.pipe.transform(request.body, BODY);
    dto.then((valid) => this.emission.emit(valid as EmitirEventoDto)).then((view) => response.status(201).json(view), next);
  }
}
