import { type DynamicModule, Module } from '@nestjs/common';
import { ObservabilityModule, RuntimeModule } from '#runtime';
import { AdminModule } from './admin.module.js';

/** The admin HTTP app (QA and CI), with /health and /metrics. */
@Module({})
export class AdminAppModule {
  static register(env: Record<string, string> = {}): DynamicModule {
    return {
      module: AdminAppModule,
      imports: [RuntimeModule.forRoot(env), ObservabilityModule, AdminModule],
    };
  }
}
