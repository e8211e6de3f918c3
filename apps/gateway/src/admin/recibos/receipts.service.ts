import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { verifyReceiptChain } from '#receipts';

/** The receipts (every HTTP 200) in chain order, and the verification of their hash chain. */
@Injectable()
export class ReceiptsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` receipts after sequence number `after`. */
  list(after: number, limit: number) {
    return this.dataSource.query(
      `SELECT seq, notification_id AS notificacao, attempt_id AS tentativa, evento, endpoint, received_at AS "recebidoEm",
              payload_sha256 AS "payloadSha256", prev_hash AS "hashAnterior", hash
         FROM receipt WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, limit],
    );
  }

  /** Recomputes every hash; names the first broken link. */
  verify() {
    return verifyReceiptChain(this.dataSource);
  }
}
