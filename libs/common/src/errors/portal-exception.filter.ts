import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable, isUnrepresentableInput } from '../database/postgres-errors.js';
import { prefersXml, sendXml } from '../http/xml/xml-negotiation.js';
import { PortalException, PortalValidationException } from './portal.exception.js';

/** The code of an error that carries none of its own, by HTTP status. */
export type GenericErrorCode = (status: number) => string;

/**
 * Portal errors the portal documents no code for: the simulator's own `PUCX-ER0` + status, except 401,
 * whose `PUCX-ER0401` is the portal's maintenance window: an unauthenticated call reads as a bad token.
 */
export const portalGenericCode: GenericErrorCode = (status) => (status === 401 ? 'PUCX-ER0202' : `PUCX-ER0${status}`);

const GENERIC_MESSAGES: Record<number, string> = {
  400: 'Requisição malformada.',
  401: 'Não autenticado.',
  403: 'Acesso negado.',
  404: 'Recurso não encontrado.',
  413: 'Corpo da requisição excede o tamanho permitido.',
  415: 'Tipo de conteúdo não suportado.',
};

/** Seconds a client is told to wait when PostgreSQL is unreachable: about one restart. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The one error body of the simulator: never a stack, a 500 carries a tag to find it in the logs. */
@Catch()
export class PortalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly genericCode: GenericErrorCode = portalGenericCode) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string | number }>();
    // Errors raised before the logger names the request (body and XML parsing) get a tag of their own.
    const tag = String((request.id ??= randomUUID()));
    const send = (status: number, body: unknown) => {
      if (response.headersSent) return;
      response.status(status);
      (response as Response & { portalBody?: unknown }).portalBody = body;
      if (prefersXml(request)) sendXml(response, 'erro', body);
      else response.json(body);
    };

    if (exception instanceof PortalValidationException) {
      send(422, { message: exception.message, errors: exception.errors });
      return;
    }
    if (exception instanceof PortalException) {
      const status = exception.getStatus();
      send(status, { status, message: exception.message, tag, code: exception.code, ...exception.extra });
      return;
    }
    // body-parser errors: malformed JSON, too large, bad charset.
    const bodyError = exception as { status?: number; type?: string; expose?: boolean };
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : typeof bodyError.status === 'number' && bodyError.expose
          ? bodyError.status
          : 500;
    // An outage is not the simulator's bug: tell the client to come back, as /health does.
    if (status === 500 && isDatabaseUnavailable(exception)) {
      this.logger.warn({ tag, path: request.url, err: exception }, 'database unavailable');
      if (!response.headersSent) response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      send(503, { status: 503, message: 'Serviço temporariamente indisponível: banco de dados inacessível. Tente novamente.', tag, code: this.genericCode(503) });
      return;
    }
    if (status === 500 && isUnrepresentableInput(exception)) {
      send(400, { status: 400, message: 'Valor inválido na requisição (caractere ou formato não representável).', tag, code: this.genericCode(400) });
      return;
    }
    if (status >= 500) {
      this.logger.error({ err: exception, tag, path: request.url }, 'Unhandled error');
      send(status, { status, message: 'Erro interno do simulador.', tag, code: this.genericCode(status) });
      return;
    }
    const message = GENERIC_MESSAGES[status] ?? (exception instanceof Error ? exception.message : 'Requisição inválida.');
    send(status, { status, message, tag, code: this.genericCode(status) });
  }
}
