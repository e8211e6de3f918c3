import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type EventPayload, findCatalogEvent } from '#catalog';
import type { Recipient } from '#database';
import { insertOutbox, type OutboxEvent, type OutboxInput } from '#notifications';
import { DeliveryQueue } from '#queue';
import { eventsTotal } from '#runtime';

export type PublishedEvent = OutboxEvent;

interface Waiting {
  input: OutboxInput;
  resolve: (event: PublishedEvent) => void;
  reject: (error: unknown) => void;
}

/**
 * The portal's event manager: an event and one notification per matching active subscription are
 * committed together (the outbox), then handed to the queue. If the queue is unreachable the
 * reconciler enqueues them later; nothing is lost either way.
 */
@Injectable()
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveryQueue: DeliveryQueue,
  ) {}

  /**
   * Events published at the same time are committed together (group commit) and enqueued with one call:
   * while one batch is written the next gathers, so PostgreSQL and Redis see a few large writes instead
   * of one per event. Resolves once the event is committed (and handed to the queue when Redis answers).
   */
  publish(evento: string, recipients: Recipient[], payload: EventPayload = {}, at?: Date): Promise<PublishedEvent> {
    if (!findCatalogEvent(evento)) return Promise.reject(new Error(`Unknown catalogue event ${evento}`));
    return new Promise((resolve, reject) => {
      this.waiting.push({ input: { evento, recipients, payload, at }, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /**
   * Writes the event and its notifications through `manager`: inside a caller's transaction, a business
   * change and the events it causes commit (or roll back) together. Call `dispatch` once it committed.
   */
  async record(
    manager: EntityManager,
    evento: string,
    recipients: Recipient[],
    payload: EventPayload = {},
    at?: Date,
  ): Promise<PublishedEvent> {
    if (!findCatalogEvent(evento)) throw new Error(`Unknown catalogue event ${evento}`);
    const [published] = await insertOutbox(manager, [{ evento, recipients, payload, at }]);
    return published;
  }

  /**
   * Hands committed events' notifications to the queue, without ever holding the answer on Redis:
   * whatever does not get through in time is enqueued by the reconciler (PostgreSQL has it).
   */
  async dispatch(events: PublishedEvent[]): Promise<void> {
    for (const event of events) eventsTotal.inc({ evento: event.evento });
    const jobs = events.flatMap((event) => event.notifications.map((notification) => ({ notificationId: notification.id, attempt: 1 })));
    if (!(await this.deliveryQueue.enqueueCommitted(jobs))) {
      this.logger.warn({ eventIds: events.map((event) => event.id) }, 'queue unreachable or slow; the reconciler will enqueue');
    }
  }

  private async flush(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        await this.publishBatch(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async publishBatch(batch: Waiting[]): Promise<void> {
    let published: PublishedEvent[];
    try {
      published = await insertOutbox(this.dataSource.manager, batch.map((item) => item.input));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // One bad event must not fail the others: each goes again on its own.
      await Promise.all(batch.map((item) => this.publishBatch([item])));
      return;
    }
    await this.dispatch(published);
    batch.forEach((item, index) => item.resolve(published[index]));
  }
}
