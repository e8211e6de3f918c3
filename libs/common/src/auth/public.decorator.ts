import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Marks a route reachable without the app's credentials (health, metrics, logins); the OpenAPI says so too. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
