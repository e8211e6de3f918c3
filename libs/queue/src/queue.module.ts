import { Global, Module } from '@nestjs/common';
import { DeliveryQueue } from './delivery-queue.service.js';

@Global()
@Module({ providers: [DeliveryQueue], exports: [DeliveryQueue] })
export class QueueModule {}
