import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '#config';
import { GENESIS_HASH, receiptHash } from '#receipts';
import type { WebhookResponse } from './webhook-client.js';

/** What one attempt did, ready to be written. */
export interface AttemptRecord {
  notificationId: string;
  subscriptionId: number;
  attempt: number;
  evento: string;
  endpoint: string;
  sourceAddress: string | null;
  payloadSha256: string;
  response: WebhookResponse;
}

interface Pending {
  record: AttemptRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

// Any constant: receipts are chained by one writer at a time across all workers.
const RECEIPT_CHAIN_LOCK = 727_002;

/**
 * Writes attempts, notification state and receipts. Attempts finishing together are committed together
 * (group commit): while one transaction runs the next batch gathers, so the database sees a few large
 * writes instead of one per delivery, and the receipt chain is extended once per batch.
 * `record()` resolves only after the commit, so a job completes only once its outcome is durable.
 */
@Injectable()
export class DeliveryRecorder {
  private queued: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  record(record: AttemptRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ record, resolve, reject });
      if (!this.flushing) this.flushing = this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queued.length > 0) {
      const batch = this.queued;
      this.queued = [];
      try {
        await this.dataSource.transaction((manager) => this.write(manager, batch.map((item) => item.record)));
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    this.flushing = null;
  }

  private async write(manager: EntityManager, records: AttemptRecord[]): Promise<void> {
    const [{ offset_ms }] = await manager.query('SELECT offset_ms FROM sim_clock WHERE id = 1');
    const simulated = (real: Date) => new Date(real.getTime() + Number(offset_ms));
    const simNow = simulated(new Date());

    const attemptIds: { id: string }[] = await manager.query(
      `INSERT INTO delivery_attempt
         (notification_id, number, started_at, duration_ms, endpoint, source_address, http_status, cause, detail, response_body)
       SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::timestamptz[], $4::int[], $5::varchar[], $6::varchar[],
                            $7::smallint[], $8::varchar[], $9::text[], $10::text[])
       RETURNING id`,
      [
        records.map((r) => r.notificationId),
        records.map((r) => r.attempt),
        records.map((r) => simulated(r.response.startedAt)),
        records.map((r) => r.response.durationMs),
        records.map((r) => r.endpoint),
        records.map((r) => r.sourceAddress),
        records.map((r) => r.response.httpStatus),
        records.map((r) => r.response.cause),
        records.map((r) => r.response.detail),
        records.map((r) => r.response.responseBody),
      ],
    );
    const withIds = records.map((record, index) => ({ record, attemptId: String(attemptIds[index].id) }));
    const delivered = withIds.filter(({ record }) => record.response.ok);
    const failed = withIds.filter(({ record }) => !record.response.ok);

    if (delivered.length > 0) await this.markDelivered(manager, delivered, simNow, Number(offset_ms));
    if (failed.length > 0) await this.markFailed(manager, failed.map(({ record }) => record), simNow);
  }

  private async markDelivered(
    manager: EntityManager,
    delivered: { record: AttemptRecord; attemptId: string }[],
    simNow: Date,
    offsetMs: number,
  ): Promise<void> {
    // A repeated attempt (at-least-once after a crash) may bring a second 200: one receipt per notification.
    const [transitioned]: [{ id: string }[], number] = await manager.query(
      `UPDATE notification n SET status = 'ENTREGUE', attempts = GREATEST(n.attempts, v.attempt), last_cause = 'OK',
              completed_at = $3, next_attempt_at = NULL
         FROM unnest($1::uuid[], $2::smallint[]) AS v(id, attempt)
        WHERE n.id = v.id AND n.status IN ('PENDENTE', 'CANCELADA')
       RETURNING n.id`,
      [delivered.map(({ record }) => record.notificationId), delivered.map(({ record }) => record.attempt), simNow],
    );
    await manager.query(`UPDATE subscription SET failing_since = NULL WHERE id = ANY($1::int[]) AND failing_since IS NOT NULL`, [
      [...new Set(delivered.map(({ record }) => record.subscriptionId))],
    ]);
    const fresh = new Set(transitioned.map((row) => row.id));
    const receipts = delivered.filter(({ record }) => fresh.has(record.notificationId));
    if (receipts.length > 0) await this.appendReceipts(manager, receipts, offsetMs);
  }

  private async appendReceipts(
    manager: EntityManager,
    receipts: { record: AttemptRecord; attemptId: string }[],
    offsetMs: number,
  ): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [RECEIPT_CHAIN_LOCK]);
    const [last] = await manager.query('SELECT hash FROM receipt ORDER BY seq DESC LIMIT 1');
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
    // unnest keeps the array order, and bigserial follows insertion order: seq order is chain order.
    await manager.query(
      `INSERT INTO receipt (notification_id, attempt_id, evento, endpoint, received_at, payload_sha256, prev_hash, hash)
       SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::varchar[], $4::varchar[], $5::timestamptz[], $6::char(64)[],
                            $7::char(64)[], $8::char(64)[])`,
      [
        rows.map((r) => r.notificationId),
        rows.map((r) => r.attemptId),
        rows.map((r) => r.evento),
        rows.map((r) => r.endpoint),
        rows.map((r) => r.receivedAt),
        rows.map((r) => r.payloadSha256),
        rows.map((r) => r.prevHash),
        rows.map((r) => r.hash),
      ],
    );
  }

  private async markFailed(manager: EntityManager, failed: AttemptRecord[], simNow: Date): Promise<void> {
    const retryAt = new Date(simNow.getTime() + this.config.DELIVERY_RETRY_DELAY_MS);
    // The last attempt makes the notification final FALHA; earlier ones schedule the next on the simulated clock.
    await manager.query(
      `UPDATE notification n
          SET attempts = v.attempt, last_cause = v.cause,
              status = CASE WHEN v.attempt >= $4 THEN 'FALHA' ELSE n.status END,
              completed_at = CASE WHEN v.attempt >= $4 THEN $5::timestamptz ELSE NULL END,
              next_attempt_at = CASE WHEN v.attempt >= $4 THEN NULL ELSE $6::timestamptz END,
              enqueued_at = NULL
         FROM unnest($1::uuid[], $2::smallint[], $3::varchar[]) AS v(id, attempt, cause)
        WHERE n.id = v.id AND n.status = 'PENDENTE' AND n.attempts < v.attempt`,
      [
        failed.map((r) => r.notificationId),
        failed.map((r) => r.attempt),
        failed.map((r) => r.response.cause),
        this.config.DELIVERY_MAX_ATTEMPTS,
        simNow,
        retryAt,
      ],
    );
    await manager.query(`UPDATE subscription SET failing_since = $2 WHERE id = ANY($1::int[]) AND failing_since IS NULL`, [
      [...new Set(failed.map((r) => r.subscriptionId))],
      simNow,
    ]);
  }
}
