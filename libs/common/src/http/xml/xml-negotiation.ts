import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { toXml } from './xml-codec.js';

export const XML_TYPES = ['application/xml', 'text/xml', 'application/*+xml'];
const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

/**
 * Whether the response goes out as XML: the `Accept` header decides; without one (or with `*∕*`) the
 * answer mirrors the request's own body type, so an XML client that sends no Accept gets XML back.
 */
export function prefersXml(request: Request): boolean {
  const accept = request.headers.accept;
  if (accept && !/^\s*\*\/\*\s*$/.test(accept)) return request.accepts(['application/json', 'application/xml']) === 'application/xml';
  return Boolean(request.is(XML_TYPES));
}

export interface XmlNames {
  root: string;
  /** Element of each entry when the body is a list. */
  item?: string;
}

const XML_NAMES = 'pucomex:xml-names';

/** Names the XML root (and list item) of a handler's response; defaults `resposta` / `item`. */
export const XmlRoot = (root: string, item?: string) => SetMetadata(XML_NAMES, { root, item } satisfies XmlNames);

export function sendXml(response: Response, root: string, body: unknown, item?: string): void {
  response.type(XML_CONTENT_TYPE).send(toXml(root, body, item));
}

/** Writes a handler's result as XML when the client prefers it; the handler itself stays format-blind. */
@Injectable()
export class XmlResponseInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!prefersXml(request)) return next.handle();
    const names = this.reflector.get<XmlNames | undefined>(XML_NAMES, context.getHandler()) ?? { root: 'resposta' };
    return next.handle().pipe(
      map((body: unknown) => {
        // Files and empty answers keep their own form.
        if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) return body;
        http.getResponse<Response>().type(XML_CONTENT_TYPE);
        return toXml(names.root, body, names.item);
      }),
    );
  }
}
