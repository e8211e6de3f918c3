import { Module } from '@nestjs/common';
import { AccessKeysService } from './access-keys.service.js';

/** Shared by the admin API (issue, list, revoke) and the portal's access-key logins. */
@Module({ providers: [AccessKeysService], exports: [AccessKeysService] })
export class AccessKeysModule {}
