import { type DynamicModule, Module } from '@nestjs/common';
import { AuthorityModule } from '#authority';
import { ClockModule } from '#clock';
import { LoggerModule, ObservabilityModule } from '#common';
import { ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { QueueModule } from '#queue';
import { AdminModule } from './admin/admin.module.js';

/** The admin HTTP app (QA and CI), with /health and /metrics. */
@Module({})
export class AdminAppModule {
  static register(env: Record<string, string> = {}): DynamicModule {
    return {
      module: AdminAppModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggerModule,
        DatabaseModule,
        ClockModule,
        QueueModule,
        AuthorityModule,
        ObservabilityModule,
        AdminModule,
      ],
    };
  }
}
