import type { NextFunction, Request, Response } from 'express';
import { PortalException, PortalValidationException } from '../errors/portal.exception.js';

/** Deeper than any portal model (a Duimp cover nests about 6 levels); far below what overflows the transformers' recursion. */
export const MAX_BODY_DEPTH = 32;

/**
 * Keys the object model gives a meaning of its own: class-transformer drops them silently, so the
 * whitelist never sees them and the request would pass as if they were not there.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type BodyRefusal = { kind: 'deep' } | { kind: 'reserved'; field: string };

/** What makes `value` unacceptable before validation: nesting past `max`, or a reserved key (named by its path). */
export function inspectBody(value: unknown, max = MAX_BODY_DEPTH): BodyRefusal | null {
  // Iterative: the point is not to recurse into what an attacker nested.
  const stack: Array<[unknown, number, string]> = [[value, 0, '']];
  while (stack.length > 0) {
    const [node, depth, path] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (depth + 1 > max) return { kind: 'deep' };
    for (const [key, child] of Object.entries(node)) {
      const field = path ? `${path}.${key}` : key;
      if (RESERVED_KEYS.has(key)) return { kind: 'reserved', field };
      if (child && typeof child === 'object') stack.push([child, depth + 1, field]);
    }
  }
  return null;
}

/** Runs after the body parsers: a body nested past the cap or using reserved keys is refused before validation walks it. */
export function refuseHostileBodies(request: Request, _response: Response, next: NextFunction): void {
  const refusal = inspectBody(request.body);
  if (refusal?.kind === 'deep') {
    return next(new PortalException(400, 'PUCX-ER0400', `O corpo da requisição excede ${MAX_BODY_DEPTH} níveis de aninhamento.`));
  }
  if (refusal?.kind === 'reserved') {
    return next(new PortalValidationException([{ code: 'CAMPO_DESCONHECIDO', field: refusal.field, message: `O campo ${refusal.field} não é permitido.` }]));
  }
  next();
}
