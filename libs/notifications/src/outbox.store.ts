import { randomUUID } from 'node:crypto';
import { type EventPayload, stampPayload } from '#catalog';
import { simNow, wholeSecond } from '#clock';
import type { Queryable } from '#common';
import type { Recipient } from '#database';

export interface OutboxNotification {
  id: string;
  subscriptionId: number;
  recipient: Recipient;
}

/** An event as committed: its payload carries its time field, and one notification per matching subscription. */
export interface OutboxEvent {
  id: string;
  evento: string;
  occurredAt: Date;
  payload: EventPayload;
  notifications: OutboxNotification[];
}

export interface OutboxInput {
  evento: string;
  recipients: Recipient[];
  payload: EventPayload;
  /** Simulated time of the event; the simulated now when absent. */
  at?: Date;
}

/**
 * The outbox for a batch of events in one statement (atomic, one round trip): the events and a notification
 * per matching active subscription. Recipients are matched against the authorization base at the moment
 * of the event: a subscription matches when its interveniente is one of the event's {tipo, id}, and
 * each event costs as many lookups as it has recipients, not as many as the event has subscribers.
 * Planned on every call, not prepared: a plan cached while the tables were small keeps its sequential
 * scans as they grow (nothing re-plans it when autovacuum is off). Planning is paid once per batch.
 */
const INSERT_OUTBOX = `WITH inserted_event AS (
     INSERT INTO event (id, evento, payload, recipients, occurred_at, created_at)
     SELECT *, o FROM unnest($1::uuid[], $2::varchar[], $3::jsonb[], $4::jsonb[], $5::timestamptz[]) AS u(i, e, p, r, o)
     RETURNING id, evento, recipients, occurred_at
   )
   -- created_at is the event's simulated time: every API shows the notification on the one clock.
   INSERT INTO notification (event_id, subscription_id, evento, recipient_type, recipient_id, next_attempt_at, enqueued_at, created_at)
   SELECT e.id, s.id, s.evento, m.recipient_type, m.recipient_id, e.occurred_at, now(), e.occurred_at
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

/**
 * Writes events and their notifications through `runner`: inside a caller's transaction, a business change
 * and its events commit together. A payload without its time field gets the event's time, in its module's format.
 */
export async function insertOutbox(runner: Queryable, inputs: OutboxInput[]): Promise<OutboxEvent[]> {
  const now = inputs.every((input) => input.at) ? undefined : wholeSecond(await simNow(runner));
  const events = inputs.map(({ evento, recipients, payload, at }) => {
    const occurredAt = at ?? now!;
    return {
      id: randomUUID(),
      evento,
      recipients,
      occurredAt,
      payload: stampPayload(evento, payload, occurredAt),
    };
  });
  const rows: OutboxRow[] = await runner.query(INSERT_OUTBOX, [
    events.map((event) => event.id),
    events.map((event) => event.evento),
    events.map((event) => JSON.stringify(event.payload)),
    events.map((event) => JSON.stringify(event.recipients)),
    events.map((event) => event.occurredAt),
  ]);
  const byEvent = new Map<string, OutboxNotification[]>(events.map((event) => [event.id, []]));
  for (const row of rows) {
    byEvent.get(row.event_id)!.push({ id: row.id, subscriptionId: row.subscription_id, recipient: { tipo: row.recipient_type, id: row.recipient_id } });
  }
  return events.map(({ id, evento, occurredAt, payload }) => ({ id, evento, occurredAt, payload, notifications: byEvent.get(id)! }));
}
