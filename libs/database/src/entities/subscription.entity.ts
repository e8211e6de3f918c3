import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Interveniente } from './interveniente.entity.js';

/** A webhook subscription (the portal's "assinatura"): one evento, one HTTPS endpoint. */
@Entity('subscription')
@Index('subscription_one_active_per_evento', ['intervenienteId', 'evento'], { unique: true, where: 'active' })
@Index('subscription_by_evento', ['evento'], { where: 'active' })
export class Subscription {
  /** The portal's id is a Number(10). */
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'interveniente_id', type: 'uuid' })
  intervenienteId: string;

  @ManyToOne(() => Interveniente, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interveniente_id' })
  interveniente?: Interveniente;

  @Column({ type: 'varchar', length: 40 })
  evento: string;

  @Column({ type: 'varchar', length: 500 })
  endpoint: string;

  /** Sent back verbatim in the `secret` header; never returned by the API nor logged. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  secret: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Simulated time of the first failure since the last receipt: drives the 30-day auto-cancel. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 300, nullable: true })
  cancelReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
