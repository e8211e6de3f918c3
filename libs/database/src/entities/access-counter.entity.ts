import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One interveniente's use of one limited function ("Limites de Acesso"): the calls of the current
 * clock-hour window, the offences of the day and the block they earned. All on the simulated clock.
 */
@Entity('access_counter')
export class AccessCounter {
  @PrimaryColumn({ name: 'interveniente_id', type: 'uuid' })
  intervenienteId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  funcao: string;

  /** The Brasília day the offences count in: everything resets at 00:00. */
  @Column({ type: 'date' })
  day: string;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'int' })
  hits: number;

  @Column({ type: 'int' })
  offences: number;

  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
