import { Global, Module } from '@nestjs/common';
import { NotificationRelay } from './notification-relay.service.js';

@Global()
@Module({ providers: [NotificationRelay], exports: [NotificationRelay] })
export class NotificationsModule {}
