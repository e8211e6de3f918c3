import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Marks a route reachable without the admin token (health, metrics). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
