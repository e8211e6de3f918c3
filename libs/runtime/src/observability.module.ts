import { Module, type OnModuleInit } from '@nestjs/common';
import { DeliveryQueue } from '#queue';
import { ensureDefaultMetrics, queueDepthGauge } from './metrics.js';
import { ObservabilityController } from './observability.controller.js';

@Module({ controllers: [ObservabilityController] })
export class ObservabilityModule implements OnModuleInit {
  constructor(private readonly deliveryQueue: DeliveryQueue) {}

  onModuleInit(): void {
    ensureDefaultMetrics();
    queueDepthGauge(() => this.deliveryQueue.depth());
  }
}
