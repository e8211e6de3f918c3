import { Module } from '@nestjs/common';
import { BusinessModule } from '../../business/business.module.js';
import { FailuresService } from './failures.service.js';
import { WebhookController } from './webhook.controller.js';

/** The portal's `/portal/api/ext/webhook` (SPEC §5). */
@Module({
  imports: [BusinessModule],
  controllers: [WebhookController],
  providers: [FailuresService],
})
export class WebhookModule {}
