import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findCatalogEvent } from '#catalog';
import { formatPortalDate } from '#clock';
import { eventsTotal } from '#common';
import type { Recipient } from '#database';
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

/**
 * The portal's event manager: an event and one notification per matching active subscription are
 * committed in one transaction (the outbox), then handed to the queue. If the queue is unreachable the
 * reconciler enqueues them later; nothing is lost either way.
 */
@Injectable()
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveryQueue: DeliveryQueue,
  ) {}

  async publish(evento: string, recipients: Recipient[], payload: Record<string, unknown> = {}): Promise<PublishedEvent> {
    const catalogEvent = findCatalogEvent(evento);
    if (!catalogEvent) throw new Error(`Unknown catalogue event ${evento}`);

    const published = await this.dataSource.transaction(async (manager) => {
      const [{ sim_now }] = await manager.query(
        `SELECT clock_timestamp() + offset_ms * interval '1 millisecond' AS sim_now FROM sim_clock WHERE id = 1`,
      );
      const occurredAt = new Date(sim_now);
      const body = { ...payload, dataEvento: payload.dataEvento ?? formatPortalDate(occurredAt) };
      const [event] = await manager.query(
        `INSERT INTO event (evento, payload, recipients, occurred_at) VALUES ($1, $2, $3, $4) RETURNING id`,
        [evento, body, JSON.stringify(recipients), occurredAt],
      );
      const ids = (tipo: Recipient['tipo']) => recipients.filter((r) => r.tipo === tipo).map((r) => r.id);
      // Recipients are matched against the authorization base at the moment of the event.
      const notifications: Array<{ id: string; subscription_id: number; recipient_type: Recipient['tipo']; recipient_id: string }> =
        await manager.query(
          `INSERT INTO notification (event_id, subscription_id, evento, recipient_type, recipient_id, next_attempt_at, enqueued_at)
           SELECT $1, s.id, s.evento, m.recipient_type, m.recipient_id, $2, now()
             FROM subscription s
             JOIN interveniente i ON i.id = s.interveniente_id AND i.active
             CROSS JOIN LATERAL (SELECT CASE i.tipo WHEN 'SEFAZ' THEN 'UF' WHEN 'ANUENTE' THEN 'ORGAO' ELSE 'NI' END AS recipient_type,
                                        CASE i.tipo WHEN 'SEFAZ' THEN i.uf WHEN 'ANUENTE' THEN i.orgao ELSE i.ni END AS recipient_id) m
            WHERE s.active AND s.evento = $3
              AND ((i.tipo = 'SEFAZ' AND i.uf = ANY($4::text[]))
                OR (i.tipo = 'ANUENTE' AND i.orgao = ANY($5::text[]))
                OR (i.tipo = 'PRIVADO' AND i.ni = ANY($6::text[])))
           RETURNING id, subscription_id, recipient_type, recipient_id`,
          [event.id, occurredAt, evento, ids('UF'), ids('ORGAO'), ids('NI')],
        );
      return {
        id: event.id as string,
        evento,
        occurredAt,
        payload: body,
        notifications: notifications.map((row) => ({
          id: row.id,
          subscriptionId: row.subscription_id,
          recipient: { tipo: row.recipient_type, id: row.recipient_id },
        })),
      };
    });

    eventsTotal.inc({ evento });
    await this.deliveryQueue
      .enqueue(published.notifications.map((notification) => ({ notificationId: notification.id, attempt: 1 })))
      .catch((error) => this.logger.warn({ err: error, eventId: published.id }, 'queue unreachable; the reconciler will enqueue'));
    return published;
  }
}
