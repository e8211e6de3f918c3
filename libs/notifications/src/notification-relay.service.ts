import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config';
import { DeliveryQueue } from '#queue';
import { claimDueNotifications } from './due-notifications.store.js';

const RELAY_BATCH = 1_000;

/** Moves what PostgreSQL says is due into the queue: the outbox's relay, run by the reconciler and the clock. */
@Injectable()
export class NotificationRelay {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveryQueue: DeliveryQueue,
    private readonly config: AppConfig,
  ) {}

  /**
   * Enqueues every pending notification that is due on the simulated clock and was not handed to the
   * queue within the lease: retries coming due, and anything Redis lost. One whose job Redis still holds
   * in either lane (waiting behind a slow endpoint, or active on a worker that BullMQ will hand back) is
   * not added again: only its lease is renewed. Returns how many it enqueued.
   */
  async relayDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const due = await claimDueNotifications(this.dataSource, this.config.RECONCILE_LEASE_MS, RELAY_BATCH);
      const job = ({ id, attempt }: (typeof due)[number]) => ({ notificationId: id, attempt });
      // If Redis is down this throws and the rows wait for the lease to pass: nothing is lost.
      const lost = await this.deliveryQueue.notHeld(due.filter((row) => row.handedBefore).map(job));
      const relayed = [...due.filter((row) => !row.handedBefore).map(job), ...lost];
      await this.deliveryQueue.enqueue(relayed);
      total += relayed.length;
      if (due.length < RELAY_BATCH) return total;
    }
  }
}
