import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { NextFunction, Request, Response } from 'express';
import { PortalException, PortalValidationException } from '../../errors/portal.exception.js';
import { parseXmlDocument, XmlRefused } from './xml-codec.js';
import { XML_TYPES } from './xml-negotiation.js';

/** Bodies that came as XML: their values are all strings until the target DTO says otherwise. */
const xmlBodies = new WeakSet<object>();

/** Whether a parsed body came as XML (its values are still all strings). */
export function isXmlBody(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && xmlBodies.has(body);
}

/** Runs after the text body parser: turns an XML body into fields, or refuses it with the portal's body. */
export function parseXmlBody(request: Request, _response: Response, next: NextFunction): void {
  if (typeof request.body !== 'string' || !request.is(XML_TYPES)) return next();
  try {
    const body = request.body.trim() === '' ? {} : parseXmlDocument(request.body);
    xmlBodies.add(body);
    request.body = body;
    next();
  } catch (error) {
    if (!(error instanceof XmlRefused)) return next(error);
    next(new PortalException(400, 'PUCX-ER0400', error.message));
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function coerceScalar(type: unknown, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (type === Number && NUMBER.test(value)) return Number(value);
  if (type === Boolean && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/**
 * Gives XML fields the JSON types their DTO declares (`design:type`): numbers, booleans, and arrays that
 * XML writes as a single repeated element. Nested DTOs come from class-transformer's `@Type`. Values
 * that do not convert stay strings, so validation names them exactly as it would in JSON.
 */
export function coerceInstance(instance: object): void {
  const prototype = Object.getPrototypeOf(instance) as object;
  for (const [key, raw] of Object.entries(instance)) {
    const type: unknown = Reflect.getMetadata('design:type', prototype, key);
    let value: unknown = type === Array && raw !== '' && !Array.isArray(raw) ? [raw] : raw;
    if (type === Array && raw === '') value = [];
    if (Array.isArray(value)) value.forEach((entry) => entry && typeof entry === 'object' && coerceInstance(entry));
    else if (value && typeof value === 'object') coerceInstance(value);
    else value = coerceScalar(type, value);
    (instance as Record<string, unknown>)[key] = value;
  }
}

/**
 * JSON.parse keeps `__proto__` and `constructor` as own keys, and class-transformer skips them, so the
 * whitelist would let them pass silently: they are refused like any other unknown field.
 */
function refusePrototypeKeys(body: object): void {
  const found = ['__proto__', 'constructor'].filter((key) => Object.prototype.hasOwnProperty.call(body, key));
  if (found.length > 0) {
    throw new PortalValidationException(found.map((key) => ({ code: 'CAMPO_DESCONHECIDO', field: key, message: `O campo ${key} não é permitido.` })));
  }
}

/** The one validation pipe, XML-aware: an XML body is typed by its DTO before it is validated. */
export class PortalValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if (metadata.type === 'body' && value && typeof value === 'object') refusePrototypeKeys(value);
    // A list body (`T[]`) is left to its ListBodyPipe, which types each entry.
    if (metadata.type === 'body' && metatype && metatype !== Array && isXmlBody(value)) {
      const instance = plainToInstance(metatype as new () => object, value) as object;
      coerceInstance(instance);
      return super.transform(instance, metadata);
    }
    return super.transform(value, metadata);
  }
}
