import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Subscription } from '#database';
import { SubscriptionsModule } from '../../subscriptions/subscriptions.module.js';
import { FailuresService } from './failures.service.js';
import { WebhookController } from './webhook.controller.js';

/** The portal's `/portal/api/ext/webhook` (SPEC §5). */
@Module({
  imports: [TypeOrmModule.forFeature([Subscription]), SubscriptionsModule],
  controllers: [WebhookController],
  providers: [FailuresService],
})
export class WebhookModule {}
