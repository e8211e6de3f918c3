import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ObservabilityModule, RuntimeModule } from '#runtime';
import { DeliveryRecorder } from './delivery/delivery-recorder.service.js';
import { DeliveryService } from './delivery/delivery.service.js';
import { DeliveryWorker } from './delivery/delivery.worker.js';
import { ReconcilerService } from './reconciler/reconciler.service.js';

@Module({})
export class WorkerModule {
  /** `env` overrides the environment (tests run the real graph with their own settings). */
  static register(env: Record<string, string> = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [RuntimeModule.forRoot(env), ScheduleModule.forRoot(), ObservabilityModule],
      providers: [DeliveryRecorder, DeliveryService, DeliveryWorker, ReconcilerService],
    };
  }
}
