import type { NextFunction, Request, Response } from 'express';
import { PortalException } from '../errors/portal.exception.js';

/** Deeper than any portal model (a Duimp cover nests about 6 levels); far below what overflows the transformers' recursion. */
export const MAX_BODY_DEPTH = 32;

/** Whether `value` nests objects/arrays deeper than `max`, measured without recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(node)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Runs after the body parsers: a body nested past the cap is refused before validation walks it. */
export function refuseDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  if (nestsDeeperThan(request.body, MAX_BODY_DEPTH)) {
    return next(new PortalException(400, 'PUCX-ER0400', `O corpo da requisição excede ${MAX_BODY_DEPTH} níveis de aninhamento.`));
  }
  next();
}
