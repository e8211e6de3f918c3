import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DeliveryQueue } from '#queue';
import { Public } from '#common';
import { listenersPending } from './listeners.js';
import { metricsRegistry } from './metrics.js';

@Controller()
export class ObservabilityController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveryQueue: DeliveryQueue,
  ) {}

  /** 200 when every listener of the process accepts connections and PostgreSQL and Redis both answer; 503 naming what does not. */
  @Public()
  @Get('health')
  async health(@Res() response: Response): Promise<void> {
    const check = async (probe: () => Promise<unknown>) =>
      probe().then(
        () => 'up' as const,
        () => 'down' as const,
      );
    const [postgres, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.deliveryQueue.depth()),
    ]);
    const pending = listenersPending();
    const status = postgres === 'up' && redis === 'up' && pending.length === 0 ? 'up' : 'down';
    response.status(status === 'up' ? 200 : 503).json({ status, postgres, redis, ...(pending.length > 0 ? { aguardandoPortas: pending } : {}) });
  }

  @Public()
  @Get('metrics')
  @HttpCode(200)
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
