import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '#config';
import { DeliveryQueue } from '#queue';

/**
 * Moves what PostgreSQL says is due into the queue: retries coming due on the simulated clock,
 * and any notification Redis lost (restart, FLUSHALL). Safe to run in every worker at once.
 */
@Injectable()
export class ReconcilerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReconcilerService.name);
  private running = false;

  constructor(
    private readonly deliveryQueue: DeliveryQueue,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.addInterval('reconciler', setInterval(() => void this.tick(), this.config.RECONCILE_INTERVAL_MS));
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const enqueued = await this.deliveryQueue.relayDue();
      if (enqueued > 0) this.logger.debug({ enqueued }, 'due notifications enqueued');
    } catch (error) {
      this.logger.warn({ err: error }, 'reconciler tick failed; retrying on the next tick');
    } finally {
      this.running = false;
    }
  }
}
