import { AdvisoryLock, lockForTransaction, PreparedStatement, type Queryable } from '#common';
import { GENESIS_HASH, receiptHash } from '#receipts';
import { NotificationStatus } from './notification-status.js';

/** What one attempt got from the endpoint. */
export interface AttemptOutcome {
  /** Only HTTP 200 is a receipt. */
  ok: boolean;
  httpStatus: number | null;
  /** `OK`, `HTTP_<status>`, `TIMEOUT`, `TLS_<code>`, `ECONNREFUSED`... */
  cause: string;
  detail: string | null;
  responseBody: string | null;
  /** The receiver's time: from the request getting its socket to the end of the response. */
  durationMs: number;
  /** Time spent waiting for a free socket to the endpoint before that: the simulator's own, never a timeout. */
  queueMs: number;
  /** Real time the request went out. */
  startedAt: Date;
}

/** What one attempt did, ready to be written. */
export interface AttemptRecord {
  notificationId: string;
  subscriptionId: number;
  attempt: number;
  evento: string;
  endpoint: string;
  sourceAddress: string | null;
  payloadSha256: string;
  response: AttemptOutcome;
}

/** The portal's retry rule: how many attempts, and how far apart on the simulated clock. */
export interface RetryRule {
  maxAttempts: number;
  retryDelayMs: number;
}

/**
 * A batch of attempts in one statement: the attempts are stored; failed ones schedule the next attempt on
 * the simulated clock (or end FALHA after the last) and mark their subscription failing; a 200 makes its
 * notification ENTREGUE and clears its subscription's failing mark. Answers, in input order, each attempt's
 * id and whether its notification became ENTREGUE now: a repeated attempt (at-least-once after a crash)
 * may bring a second 200, and a notification gets one receipt.
 * Planned on every call, not prepared: a plan cached while the tables were small keeps its sequential
 * scans as they grow (nothing re-plans it when autovacuum is off). Planning is paid once per batch.
 */
const RECORD_ATTEMPTS = `WITH sim AS (
     SELECT offset_ms, clock_timestamp() + offset_ms * interval '1 millisecond' AS now FROM sim_clock WHERE id = 1
   ), input AS (
     SELECT nextval('delivery_attempt_id_seq'::regclass) AS attempt_id, v.*
       FROM unnest($1::uuid[], $2::smallint[], $3::timestamptz[], $4::int[], $5::varchar[], $6::varchar[], $7::smallint[],
                   $8::varchar[], $9::text[], $10::text[], $11::boolean[], $12::int[], $15::int[])
            WITH ORDINALITY AS v(notification_id, attempt, started_at, duration_ms, endpoint, source_address, http_status,
                                 cause, detail, response_body, ok, subscription_id, queue_ms, ord)
   ), attempts AS (
     INSERT INTO delivery_attempt
       (id, notification_id, number, started_at, duration_ms, queue_ms, endpoint, source_address, http_status, cause, detail, response_body)
     SELECT i.attempt_id, i.notification_id, i.attempt, i.started_at + s.offset_ms * interval '1 millisecond', i.duration_ms,
            i.queue_ms, i.endpoint, i.source_address, i.http_status, i.cause, i.detail, i.response_body
       FROM input i CROSS JOIN sim s
   ), failed AS (
     -- The last attempt makes the notification final FALHA; earlier ones schedule the next one.
     UPDATE notification n
        SET attempts = i.attempt, last_cause = i.cause,
            status = CASE WHEN i.attempt >= $13 THEN '${NotificationStatus.Falha}' ELSE n.status END,
            completed_at = CASE WHEN i.attempt >= $13 THEN s.now ELSE NULL END,
            next_attempt_at = CASE WHEN i.attempt >= $13 THEN NULL ELSE s.now + $14 * interval '1 millisecond' END,
            enqueued_at = NULL
       FROM input i CROSS JOIN sim s
      WHERE NOT i.ok AND n.id = i.notification_id AND n.status = '${NotificationStatus.Pendente}' AND n.attempts < i.attempt
        AND NOT EXISTS (SELECT 1 FROM input o WHERE o.ok AND o.notification_id = i.notification_id)
   ), failing AS (
     -- A subscription with a 200 in the batch is not failing (and one statement updates a row once).
     UPDATE subscription sub SET failing_since = s.now FROM sim s
      WHERE sub.id IN (SELECT subscription_id FROM input WHERE NOT ok) AND sub.failing_since IS NULL
        AND sub.id NOT IN (SELECT subscription_id FROM input WHERE ok)
   ), delivered AS (
     UPDATE notification n
        SET status = '${NotificationStatus.Entregue}', attempts = GREATEST(n.attempts, i.attempt), last_cause = 'OK', completed_at = s.now,
            next_attempt_at = NULL
       FROM input i CROSS JOIN sim s
      WHERE i.ok AND n.id = i.notification_id AND n.status IN ('${NotificationStatus.Pendente}', '${NotificationStatus.Cancelada}')
     RETURNING n.id
   ), recovered AS (
     UPDATE subscription SET failing_since = NULL
      WHERE id IN (SELECT subscription_id FROM input WHERE ok) AND failing_since IS NOT NULL
   )
   SELECT i.attempt_id, s.offset_ms, i.ok AND i.notification_id IN (SELECT id FROM delivered) AS receipted
     FROM input i CROSS JOIN sim s
    ORDER BY i.ord`;

// A statement of its own, after the lock: it must see what the previous holder committed.
const SELECT_CHAIN_HEAD = new PreparedStatement('recorder-chain-head', 'SELECT hash FROM receipt ORDER BY seq DESC LIMIT 1');

// unnest keeps the array order, and bigserial follows insertion order: seq order is chain order.
const INSERT_RECEIPTS = new PreparedStatement(
  'recorder-insert-receipts',
  `INSERT INTO receipt (notification_id, attempt_id, evento, endpoint, received_at, payload_sha256, prev_hash, hash)
   SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::varchar[], $4::varchar[], $5::timestamptz[], $6::char(64)[],
                        $7::char(64)[], $8::char(64)[])`,
);

/**
 * Writes a batch of attempts, their notifications' new state and, for each first 200, a receipt chained
 * after the last one. Run it inside a transaction: the chain's lock is held from there to the commit.
 */
export async function recordAttempts(manager: Queryable, records: AttemptRecord[], rule: RetryRule): Promise<void> {
  const written: { attempt_id: string; offset_ms: string; receipted: boolean }[] = await manager.query(RECORD_ATTEMPTS, [
    records.map((r) => r.notificationId),
    records.map((r) => r.attempt),
    records.map((r) => r.response.startedAt),
    records.map((r) => r.response.durationMs),
    records.map((r) => r.endpoint),
    records.map((r) => r.sourceAddress),
    records.map((r) => r.response.httpStatus),
    records.map((r) => r.response.cause),
    records.map((r) => r.response.detail),
    records.map((r) => r.response.responseBody),
    records.map((r) => r.response.ok),
    records.map((r) => r.subscriptionId),
    rule.maxAttempts,
    rule.retryDelayMs,
    records.map((r) => r.response.queueMs),
  ]);
  // One receipt per notification, even if a repeated attempt brought two 200s in this batch.
  const seen = new Set<string>();
  const receipts = records
    .map((record, index) => ({ record, attemptId: String(written[index].attempt_id), receipted: written[index].receipted }))
    .filter(({ record, receipted }) => receipted && !seen.has(record.notificationId) && seen.add(record.notificationId));
  if (receipts.length > 0) await appendReceipts(manager, receipts, Number(written[0].offset_ms));
}

async function appendReceipts(
  manager: Queryable,
  receipts: { record: AttemptRecord; attemptId: string }[],
  offsetMs: number,
): Promise<void> {
  await lockForTransaction(manager, AdvisoryLock.ReceiptChain);
  const [last] = await SELECT_CHAIN_HEAD.run(manager);
  let prevHash: string = last?.hash ?? GENESIS_HASH;
  const rows = receipts.map(({ record, attemptId }) => {
    const fields = {
      notificationId: record.notificationId,
      attemptId,
      evento: record.evento,
      endpoint: record.endpoint,
      // Simulated time the 200 arrived.
      receivedAt: new Date(record.response.startedAt.getTime() + record.response.durationMs + offsetMs),
      payloadSha256: record.payloadSha256,
    };
    const hash = receiptHash(prevHash, fields);
    const row = { ...fields, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await INSERT_RECEIPTS.run(manager, [
    rows.map((r) => r.notificationId),
    rows.map((r) => r.attemptId),
    rows.map((r) => r.evento),
    rows.map((r) => r.endpoint),
    rows.map((r) => r.receivedAt),
    rows.map((r) => r.payloadSha256),
    rows.map((r) => r.prevHash),
    rows.map((r) => r.hash),
  ]);
}
