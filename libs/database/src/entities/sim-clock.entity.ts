import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The simulated clock: real time plus an offset shared by every process. */
@Entity('sim_clock')
export class SimClock {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ name: 'offset_ms', type: 'bigint', default: 0 })
  offsetMs: string;
}
