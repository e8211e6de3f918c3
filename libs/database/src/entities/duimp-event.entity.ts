import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { UfInteresse } from '#domain';
import { Duimp } from './duimp.entity.js';

/**
 * The Duimp's history (`itensHistorico`, `/historico`) and event log in one: every entry has the
 * portal's history code; entries the Sefaz events API lists (`/eventos`) also carry their `evento`
 * name (DESEMBARACO_EFETUADO, ENTREGA_CARGA, RETIFICACAO, DECLARACAO_CANCELADA...) and the UFs of
 * interest at that moment.
 */
@Entity('duimp_event')
@Index('duimp_event_by_duimp', ['number', 'id'])
@Index('duimp_event_by_time', ['occurredAt'], { where: 'evento IS NOT NULL' })
export class DuimpEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'char', length: 15 })
  number: string;

  @ManyToOne(() => Duimp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'number' })
  duimp?: Duimp;

  @Column({ type: 'smallint' })
  version: number;

  /** History code (1 registrada, 4 retificada, 13 carga entregue, 71 cancelada, 419 desembaraço...). */
  @Column({ type: 'varchar', length: 3 })
  code: string;

  @Column({ type: 'varchar', length: 150 })
  description: string;

  /** `EventoEnum` name (or `REGISTRO`), when the entry is an event a Sefaz hears about. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  evento: string | null;

  /** Simulated time (`dataEvento` / `dataHora`). */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'jsonb' })
  ufs: UfInteresse[];
}
