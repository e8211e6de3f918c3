import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { RecipientType } from '#catalog';
import { NotificationStatus } from '#notifications';
import { EventRecord } from './event.entity.js';
import { Subscription } from './subscription.entity.js';

/** One event for one subscription. */
@Entity('notification')
@Index('notification_due', ['nextAttemptAt'], { where: `status = '${NotificationStatus.Pendente}'` })
@Index('notification_by_event', ['eventId'])
@Index('notification_by_subscription', ['subscriptionId', 'status'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => EventRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: EventRecord;

  @Column({ name: 'subscription_id', type: 'integer' })
  subscriptionId: number;

  @ManyToOne(() => Subscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: Subscription;

  @Column({ type: 'varchar', length: 40 })
  evento: string;

  @Column({ name: 'recipient_type', type: 'varchar', length: 5 })
  recipientType: RecipientType;

  @Column({ name: 'recipient_id', type: 'varchar', length: 20 })
  recipientId: string;

  @Column({ type: 'varchar', length: 10, default: NotificationStatus.Pendente })
  status: NotificationStatus;

  /** Attempts made so far. */
  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  /** Simulated time the next attempt is due. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  /** Real time the pending attempt was last handed to the queue; the reconciler re-enqueues stale ones. */
  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt: Date | null;

  @Column({ name: 'last_cause', type: 'varchar', length: 80, nullable: true })
  lastCause: string | null;

  /** Simulated time it became final. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Simulator-only: a copy sent again by an admin action, which the real portal never does. */
  @Column({ name: 'resend_of', type: 'uuid', nullable: true })
  resendOf: string | null;

  /** Simulated time of its event (written by the outbox; the default only serves hand-made rows). */
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
