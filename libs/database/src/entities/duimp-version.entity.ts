import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { DuimpSpec } from '#domain';
import { Duimp } from './duimp.entity.js';

/** One version of a Duimp: what the Sefaz reads at `/duimp/{numero}/{versao}`. */
@Entity('duimp_version')
export class DuimpVersion {
  @PrimaryColumn({ type: 'char', length: 15 })
  number: string;

  @PrimaryColumn({ type: 'smallint' })
  version: number;

  @ManyToOne(() => Duimp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'number' })
  duimp?: Duimp;

  /** The generator's inputs for this version; a retification starts from them. */
  @Column({ type: 'jsonb' })
  spec: DuimpSpec;

  /**
   * The version's `SefazDuimpCover` fields (items included); `assembleSefazDuimpCover` adds the
   * situation, the version in force and the history when serving it.
   */
  @Column({ type: 'jsonb' })
  cover: Record<string, any>;

  /** Simulated time the version was registered. */
  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
