import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One POST to a receiver, whatever its outcome. */
@Entity('delivery_attempt')
@Index('delivery_attempt_by_notification', ['notificationId', 'number'])
export class DeliveryAttempt {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  /** 1-based attempt number. */
  @Column({ type: 'smallint' })
  number: number;

  /** Simulated time the request started. */
  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  /** The receiver's time, from the request getting its socket; the 3.5 s budget applies to it alone. */
  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  /** Time the attempt waited for a free socket to its endpoint before that (the simulator's own congestion). */
  @Column({ name: 'queue_ms', type: 'integer', default: 0 })
  queueMs: number;

  @Column({ type: 'varchar', length: 500 })
  endpoint: string;

  @Column({ name: 'source_address', type: 'varchar', length: 45, nullable: true })
  sourceAddress: string | null;

  @Column({ name: 'http_status', type: 'smallint', nullable: true })
  httpStatus: number | null;

  /** `OK`, or a named cause: `HTTP_500`, `TIMEOUT`, `ECONNREFUSED`, `TLS_CERT_HAS_EXPIRED`... */
  @Column({ type: 'varchar', length: 80 })
  cause: string;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  /** First 4 KiB of the response body. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;
}
