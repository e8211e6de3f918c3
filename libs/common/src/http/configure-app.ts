import type { INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { type GenericErrorCode, PortalExceptionFilter } from '../errors/portal-exception.filter.js';
import { PortalValidationException } from '../errors/portal.exception.js';
import { toFieldErrors } from '../errors/validation.js';
import { refuseHostileBodies } from './body-guard.js';
import { parseXmlBody, PortalValidationPipe } from './xml/xml-body.js';
import { XML_TYPES, XmlResponseInterceptor } from './xml/xml-negotiation.js';

export const BODY_LIMIT = '1mb';

/** The one validation pipe's settings: unknown fields refused, bodies typed by their DTO, the portal's error body. */
export function portalValidationPipe(): PortalValidationPipe {
  return new PortalValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new PortalValidationException(toFieldErrors(errors)),
  });
}

/**
 * What every HTTP app of the simulator applies: the one validation pipe, the one error body, the body
 * size cap, JSON and XML in and out (SPEC §5, §8), pino. `main.ts` and the e2e tests both call it, so tests run what production runs.
 * Create the app with `{ bodyParser: false, bufferLogs: true }`. `shutdownHooks: false` leaves signals to the caller.
 */
export function configureApp(
  app: INestApplication,
  { genericErrorCode, shutdownHooks = true }: { genericErrorCode?: GenericErrorCode; shutdownHooks?: boolean } = {},
): INestApplication {
  const express = app as NestExpressApplication;
  express.useLogger(app.get(Logger));
  express.disable('x-powered-by');
  express.useBodyParser('json', { limit: BODY_LIMIT });
  express.useBodyParser('text', { limit: BODY_LIMIT, type: XML_TYPES });
  express.use(parseXmlBody);
  express.use(refuseHostileBodies);
  app.useGlobalInterceptors(new XmlResponseInterceptor(app.get(Reflector)));
  app.useGlobalPipes(portalValidationPipe());
  app.useGlobalFilters(new PortalExceptionFilter(genericErrorCode));
  // A process that orders its own shutdown (the gateway: listeners before Redis and PostgreSQL) opts out.
  if (shutdownHooks) app.enableShutdownHooks();
  return app;
}
