import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EventPayload, RecipientType } from '#catalog';

export interface Recipient {
  tipo: RecipientType;
  id: string;
}

/** One occurrence of a catalogue event: the outbox row its notifications hang from. */
@Entity('event')
export class EventRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  evento: string;

  @Column({ type: 'jsonb' })
  payload: EventPayload;

  @Column({ type: 'jsonb' })
  recipients: Recipient[];

  /** Simulated time the event happened. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
