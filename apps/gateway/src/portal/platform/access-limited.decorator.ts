import { SetMetadata } from '@nestjs/common';
import type { LimitedFunction } from '#platform';

export const ACCESS_LIMITED = 'portal:access-limited';

/** Counts the route's calls against the hourly quota of `funcao` ("Limites de Acesso", PUCX-ER1001). */
export const AccessLimited = (funcao: LimitedFunction) => SetMetadata(ACCESS_LIMITED, funcao);
