import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

export const GENESIS_HASH = '0'.repeat(64);

/** What a receipt's hash covers. */
export interface ReceiptFields {
  notificationId: string;
  attemptId: string;
  evento: string;
  endpoint: string;
  receivedAt: Date;
  payloadSha256: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function receiptHash(prevHash: string, receipt: ReceiptFields): string {
  return sha256(
    [
      prevHash,
      receipt.notificationId,
      receipt.attemptId,
      receipt.evento,
      receipt.endpoint,
      receipt.receivedAt.toISOString(),
      receipt.payloadSha256,
    ].join('|'),
  );
}

export interface ChainVerification {
  valida: boolean;
  recibos: number;
  /** The first receipt whose link is broken. */
  primeiroEloQuebrado?: { seq: string; notificacao: string; motivo: string };
}

const PAGE = 5_000;

/** Walks the whole chain in `seq` order, recomputing every hash. */
export async function verifyReceiptChain(dataSource: DataSource): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let lastSeq = '0';
  let count = 0;
  for (;;) {
    const rows: Array<Record<string, string | Date>> = await dataSource.query(
      `SELECT seq, notification_id, attempt_id, evento, endpoint, received_at, payload_sha256, prev_hash, hash
         FROM receipt WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [lastSeq, PAGE],
    );
    for (const row of rows) {
      const seq = String(row.seq);
      const broken = (motivo: string): ChainVerification => ({
        valida: false,
        recibos: count,
        primeiroEloQuebrado: { seq, notificacao: String(row.notification_id), motivo },
      });
      if (row.prev_hash !== prevHash) return broken('prev_hash não corresponde ao hash do recibo anterior');
      const expected = receiptHash(prevHash, {
        notificationId: String(row.notification_id),
        attemptId: String(row.attempt_id),
        evento: String(row.evento),
        endpoint: String(row.endpoint),
        receivedAt: row.received_at as Date,
        payloadSha256: String(row.payload_sha256),
      });
      if (row.hash !== expected) return broken('hash não corresponde ao conteúdo do recibo');
      prevHash = expected;
      lastSeq = seq;
      count += 1;
    }
    if (rows.length < PAGE) return { valida: true, recibos: count };
  }
}
