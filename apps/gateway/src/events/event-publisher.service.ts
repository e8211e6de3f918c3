import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findCatalogEvent } from '#catalog';
import { formatPortalDate, SIM_NOW_SQL } from '#clock';
import { eventsTotal } from '#common';
import { PreparedStatement, type Recipient } from '#database';
import { DeliveryQueue } from '#queue';

export interface PublishedNotification {
  id: string;
  subscriptionId: number;
  recipient: Recipient;
}

export interface PublishedEvent {
  id: string;
  evento: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
  notifications: PublishedNotification[];
}

const SIM_NOW = new PreparedStatement('publisher-sim-now', `SELECT ${SIM_NOW_SQL} AS sim_now`);

/**
 * The outbox for a batch of events in one statement (atomic, one round trip): the events and a notification
 * per matching active subscription. Recipients are matched against the authorization base at the moment
 * of the event: a subscription matches when its interveniente is one of the event's {tipo, id}, and
 * each event costs as many lookups as it has recipients, not as many as the event has subscribers.
 */
// Planned on every call, not prepared: a plan cached while the tables were small keeps its sequential
// scans as they grow (nothing re-plans it when autovacuum is off). Planning is paid once per batch.
const INSERT_OUTBOX = `WITH inserted_event AS (
     INSERT INTO event (id, evento, payload, recipients, occurred_at)
     SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::jsonb[], $4::jsonb[], $5::timestamptz[])
     RETURNING id, evento, recipients, occurred_at
   )
   INSERT INTO notification (event_id, subscription_id, evento, recipient_type, recipient_id, next_attempt_at, enqueued_at)
   SELECT e.id, s.id, s.evento, m.recipient_type, m.recipient_id, e.occurred_at, now()
     FROM inserted_event e
     -- From each distinct recipient to its intervenientes, then to their subscription for this event.
     CROSS JOIN LATERAL (SELECT DISTINCT r.tipo, r.id FROM jsonb_to_recordset(e.recipients) AS r(tipo text, id text)) r
     JOIN interveniente i ON i.active
                         AND ((r.tipo = 'UF' AND i.tipo = 'SEFAZ' AND i.uf = r.id)
                           OR (r.tipo = 'ORGAO' AND i.tipo = 'ANUENTE' AND i.orgao = r.id)
                           OR (r.tipo = 'NI' AND i.tipo = 'PRIVADO' AND i.ni = r.id))
     JOIN subscription s ON s.interveniente_id = i.id AND s.active AND s.evento = e.evento
     CROSS JOIN LATERAL (SELECT CASE i.tipo WHEN 'SEFAZ' THEN 'UF' WHEN 'ANUENTE' THEN 'ORGAO' ELSE 'NI' END AS recipient_type,
                                CASE i.tipo WHEN 'SEFAZ' THEN i.uf WHEN 'ANUENTE' THEN i.orgao ELSE i.ni END AS recipient_id) m
   RETURNING event_id, id, subscription_id, recipient_type, recipient_id`;

interface OutboxRow {
  event_id: string;
  id: string;
  subscription_id: number;
  recipient_type: Recipient['tipo'];
  recipient_id: string;
}

interface OutboxInput {
  evento: string;
  recipients: Recipient[];
  payload: Record<string, unknown>;
  /** Simulated time of the event; the simulated now when absent. */
  at?: Date;
}

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
   * of one per event. Resolves once the event is committed and handed to the queue.
   */
  publish(evento: string, recipients: Recipient[], payload: Record<string, unknown> = {}): Promise<PublishedEvent> {
    if (!findCatalogEvent(evento)) return Promise.reject(new Error(`Unknown catalogue event ${evento}`));
    return new Promise((resolve, reject) => {
      this.waiting.push({ input: { evento, recipients, payload }, resolve, reject });
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
    payload: Record<string, unknown> = {},
    at?: Date,
  ): Promise<PublishedEvent> {
    if (!findCatalogEvent(evento)) throw new Error(`Unknown catalogue event ${evento}`);
    const [published] = await this.insert(manager, [{ evento, recipients, payload, at }]);
    return published;
  }

  /** Hands committed events' notifications to the queue. */
  async dispatch(events: PublishedEvent[]): Promise<void> {
    for (const event of events) eventsTotal.inc({ evento: event.evento });
    await this.deliveryQueue
      .enqueue(events.flatMap((event) => event.notifications.map((notification) => ({ notificationId: notification.id, attempt: 1 }))))
      .catch((error) => this.logger.warn({ err: error, eventIds: events.map((event) => event.id) }, 'queue unreachable; the reconciler will enqueue'));
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
      published = await this.insert(this.dataSource.manager, batch.map((item) => item.input));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // One bad event must not fail the others: each goes again on its own.
      await Promise.all(batch.map((item) => this.publishBatch([item])));
      return;
    }
    await this.dispatch(published);
    batch.forEach((item, index) => item.resolve(published[index]));
  }

  private async insert(manager: EntityManager, inputs: OutboxInput[]): Promise<PublishedEvent[]> {
    const now = inputs.every((input) => input.at) ? undefined : new Date((await SIM_NOW.run(manager))[0].sim_now);
    const events = inputs.map(({ evento, recipients, payload, at }) => {
      const occurredAt = at ?? now!;
      return {
        id: randomUUID(),
        evento,
        recipients,
        occurredAt,
        payload: { ...payload, dataEvento: payload.dataEvento ?? formatPortalDate(occurredAt) },
      };
    });
    const rows: OutboxRow[] = await manager.query(INSERT_OUTBOX, [
      events.map((event) => event.id),
      events.map((event) => event.evento),
      events.map((event) => JSON.stringify(event.payload)),
      events.map((event) => JSON.stringify(event.recipients)),
      events.map((event) => event.occurredAt),
    ]);
    const byEvent = new Map<string, PublishedNotification[]>(events.map((event) => [event.id, []]));
    for (const row of rows) {
      byEvent.get(row.event_id)!.push({ id: row.id, subscriptionId: row.subscription_id, recipient: { tipo: row.recipient_type, id: row.recipient_id } });
    }
    return events.map(({ id, evento, occurredAt, payload }) => ({ id, evento, occurredAt, payload, notifications: byEvent.get(id)! }));
  }
}
