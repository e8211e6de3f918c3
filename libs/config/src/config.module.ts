import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config.js';

@Global()
@Module({})
export class ConfigModule {
  /** `overrides` lets tests run the real module graph with their own settings. */
  static forRoot(overrides: Record<string, string> = {}): DynamicModule {
    const config = loadConfig({ ...process.env, ...overrides });
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}
