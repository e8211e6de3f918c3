import { Module } from '@nestjs/common';
import { EndpointPolicy } from './endpoint-policy.js';
import { SubscriptionService } from './subscription.service.js';

@Module({ providers: [SubscriptionService, EndpointPolicy], exports: [SubscriptionService] })
export class SubscriptionsModule {}
