import { type DynamicModule, Module } from '@nestjs/common';
import { AuthorityModule } from '#authority';
import { ClockModule } from '#clock';
import { ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { NotificationsModule } from '#notifications';
import { QueueModule } from '#queue';
import { LoggerModule } from './logger.module.js';

/**
 * What every process of the simulator runs on: validated settings, pino, PostgreSQL (migrated), the
 * simulated clock, the delivery queue and its relay, and the test CA. `env` overrides the environment (tests run the
 * real graph with their own settings).
 */
@Module({})
export class RuntimeModule {
  static forRoot(env: Record<string, string> = {}): DynamicModule {
    const modules = [ConfigModule.forRoot(env), LoggerModule, DatabaseModule, ClockModule, QueueModule, NotificationsModule, AuthorityModule];
    return { module: RuntimeModule, imports: modules, exports: modules };
  }
}
