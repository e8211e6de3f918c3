import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config';
import { expireFailingSubscriptions, NotificationRelay } from '#notifications';

/**
 * Acts on what the simulated clock made due: moves due notifications into the queue (retries, and any
 * notification Redis lost to a restart or FLUSHALL), then cancels subscriptions that have only failed for
 * 30 days. Safe to run in every worker at once.
 */
@Injectable()
export class ReconcilerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReconcilerService.name);
  private running = false;

  constructor(
    private readonly relay: NotificationRelay,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.addInterval('reconciler', setInterval(() => void this.tick(), this.config.RECONCILE_INTERVAL_MS));
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const enqueued = await this.relay.relayDue();
      if (enqueued > 0) this.logger.debug({ enqueued }, 'due notifications enqueued');
      const expired = await expireFailingSubscriptions(this.dataSource);
      if (expired.length > 0) this.logger.log({ subscriptions: expired }, 'subscriptions cancelled after 30 days of failures');
    } catch (error) {
      this.logger.warn({ err: error }, 'reconciler tick failed; retrying on the next tick');
    } finally {
      this.running = false;
    }
  }
}
