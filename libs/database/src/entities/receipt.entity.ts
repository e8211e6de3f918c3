import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An HTTP 200 from a receiver: the seed's "recibo registrado em logs físicos".
 * Rows are immutable (a trigger refuses UPDATE and DELETE) and chained by hash in `seq` order.
 */
@Entity('receipt')
export class Receipt {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq: string;

  @Column({ name: 'notification_id', type: 'uuid', unique: true })
  notificationId: string;

  @Column({ name: 'attempt_id', type: 'bigint' })
  attemptId: string;

  @Column({ type: 'varchar', length: 40 })
  evento: string;

  @Column({ type: 'varchar', length: 500 })
  endpoint: string;

  /** Simulated time the 200 arrived. */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** SHA-256 of the exact body delivered. */
  @Column({ name: 'payload_sha256', type: 'char', length: 64 })
  payloadSha256: string;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  /**
   * Real time the row was written, in the transaction that commits it (the last statement before COMMIT).
   * Not hashed: it measures delivery latency, it is not part of what the receipt attests.
   */
  @Column({ name: 'committed_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  committedAt: Date;
}
