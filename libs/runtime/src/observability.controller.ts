import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DeliveryQueue } from '#queue';
import { Public } from '#common';
import { listenersPending } from './listeners.js';
import { metricsRegistry } from './metrics.js';

/** Each dependency must answer within this, so /health itself answers within a second during an outage. */
export const HEALTH_PROBE_TIMEOUT_MS = 800;

/** `up` when `probe` settles well within the deadline, else `down`; never waits longer than the deadline. */
function probeWithin(probe: () => Promise<unknown>, timeoutMs: number): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'down'>((resolve) => (timer = setTimeout(() => resolve('down'), timeoutMs)));
  const answered = probe().then(
    () => 'up' as const,
    () => 'down' as const,
  );
  return Promise.race([answered, late]).finally(() => clearTimeout(timer));
}

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
    const [postgres, redis] = await Promise.all([
      probeWithin(() => this.dataSource.query('SELECT 1'), HEALTH_PROBE_TIMEOUT_MS),
      probeWithin(() => this.deliveryQueue.depth(), HEALTH_PROBE_TIMEOUT_MS),
    ]);
    const pending = listenersPending();
    const status = postgres === 'up' && redis === 'up' && pending.length === 0 ? 'up' : 'down';
    if (status === 'down') response.setHeader('Retry-After', '5');
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
