import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TipoSolicitacaoIcms } from '#domain';

/** A Sefaz's ICMS calculation option (`OpcaoIcmsConsultaDto`), offered to the importers who ask its UF for a calculation. */
@Entity('icms_option')
@Index('icms_option_code_per_uf', ['uf', 'code'], { unique: true })
export class IcmsOption {
  /** `id`: the portal's Long. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'char', length: 2 })
  uf: string;

  /** `codigoOpcao`: 4 characters, one option per code in a UF. */
  @Column({ type: 'char', length: 4 })
  code: string;

  /** `descricaoOpcao`. */
  @Column({ type: 'varchar', length: 30 })
  description: string;

  /** `tipoSolicitacao` the option belongs to. */
  @Column({ name: 'request_type', type: 'varchar', length: 40 })
  requestType: TipoSolicitacaoIcms;

  /** `ativa`. */
  @Column({ type: 'boolean' })
  active: boolean;

  /** `dataCadastro`, simulated. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
