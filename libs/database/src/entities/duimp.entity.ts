import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Canal, DuimpSituacao, UfInteresse } from '#domain';

/**
 * A registered Duimp: the state that changes over its life (situation, version in force, UFs of
 * interest). Each version's data is a `DuimpVersion`; its history and events are `DuimpEvent`s.
 */
@Entity('duimp')
@Index('duimp_by_importer', ['importerNi'])
export class Duimp {
  /** `AABRSSSSSSSSSSD`. */
  @PrimaryColumn({ type: 'char', length: 15 })
  number: string;

  /** `versaoDeclaracaoVigente`. */
  @Column({ name: 'current_version', type: 'smallint' })
  currentVersion: number;

  /** `situacaoDeclaracao.codigo` (11, 31, 42, 43, 53, 82...). */
  @Column({ type: 'varchar', length: 2 })
  situation: DuimpSituacao;

  /** `canalSelecao`: 1 verde, 12 amarelo, 3 vermelho, 15 cinza. */
  @Column({ type: 'varchar', length: 2 })
  channel: Canal;

  /** `tipoImportador`: 1 PJ, 2 PF. */
  @Column({ name: 'importer_type', type: 'char', length: 1 })
  importerType: '1' | '2';

  @Column({ name: 'importer_ni', type: 'varchar', length: 14 })
  importerNi: string;

  @Column({ name: 'importer_uf', type: 'char', length: 2 })
  importerUf: string;

  /** UF of the customs unit of clearance (`dadosCarga.ufDeclarada`). */
  @Column({ name: 'clearance_uf', type: 'char', length: 2 })
  clearanceUf: string;

  /** `UfInteresseSefaz[]` of the version in force: who is notified, and which Sefaz may read it. */
  @Column({ type: 'jsonb' })
  ufs: UfInteresse[];

  /** The generator's seed, to reproduce the Duimp. */
  @Column({ type: 'integer' })
  seed: number;

  /** Simulated time of `dataHoraCriacao`. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Simulated time of `dataHoraRegistro` (version 1). */
  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  /** Simulated time of the last change of state. */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
