import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config';
import { environmentQuotas, type PlatformSettings, platformSettings, PlatformStateReader } from '#platform';

type PlatformRequest = Request & { platformSettings?: PlatformSettings };

/** The platform switches in force for one portal request, read once and shared by its guard and interceptor. */
@Injectable()
export class PlatformStateService implements OnModuleInit {
  private readonly reader: PlatformStateReader;

  constructor(
    dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.reader = new PlatformStateReader(dataSource);
  }

  /** A quota naming an unknown function stops the boot, naming the variable. */
  onModuleInit(): void {
    environmentQuotas(this.config);
  }

  async forRequest(request: Request): Promise<PlatformSettings> {
    const cached = request as PlatformRequest;
    cached.platformSettings ??= platformSettings(await this.reader.read(), this.config);
    return cached.platformSettings;
  }
}
