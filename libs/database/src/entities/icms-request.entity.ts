import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SituacaoSolicitacaoIcms, TipoSolicitacaoIcms, TipoTratamentoIcms } from '#domain';
import { Duimp } from './duimp.entity.js';

/**
 * A PCCE ICMS calculation request of a Duimp version to the Sefaz of `ufFavorecida`, and what came of it.
 * A Duimp has at most one pending request (the partial unique index settles races).
 */
@Entity('icms_request')
@Index('icms_request_one_pending', ['duimpNumber'], {
  unique: true,
  where: "status IN ('DUIMP_CALCULO_SOLICITADO', 'DUIMP_PENDENTE_PAGAMENTO_EXONERACAO')",
})
export class IcmsRequest {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column({ name: 'duimp_number', type: 'char', length: 15 })
  duimpNumber: string;

  @ManyToOne(() => Duimp, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'duimp_number' })
  duimp?: Duimp;

  @Column({ name: 'duimp_version', type: 'smallint' })
  duimpVersion: number;

  /** `ufFavorecida`: the Sefaz that calculates and is notified. */
  @Column({ type: 'char', length: 2 })
  uf: string;

  @Column({ name: 'request_type', type: 'varchar', length: 40 })
  requestType: TipoSolicitacaoIcms;

  @Column({ type: 'varchar', length: 20 })
  treatment: TipoTratamentoIcms;

  /** `situacaoSolicitacao`. */
  @Column({ type: 'varchar', length: 40 })
  status: SituacaoSolicitacaoIcms;

  /** `SolicitacaoCalculoIcmsDto`: what the Sefaz reads at `/icms/consulta/calculo/{numero}/{versao}`. */
  @Column({ type: 'jsonb' })
  request: Record<string, unknown>;

  /** `SituacaoHistoricoDto[]`. */
  @Column({ type: 'jsonb' })
  history: Array<Record<string, unknown>>;

  /** The Sefaz's calculation (`SefazDadosIcmsDto`), once received. */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  /** The Sefaz's credit confirmation (`SefazCreditoIcmsDto`), once received. */
  @Column({ type: 'jsonb', nullable: true })
  credit: Record<string, unknown> | null;

  /**
   * The payment guides (`GuiaIcmsDto`) of the declaration: the calculation's, then those the Sefaz adds by
   * `POST /icms/guia`; a cancelled one keeps its place with `dataCancelamento`.
   */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  guides: Array<Record<string, unknown>>;

  /** NF-e access keys released under a split payment (`POST /icms/fracionado`), the union of every call. */
  @Column({ name: 'released_invoices', type: 'jsonb', default: () => "'[]'" })
  releasedInvoices: string[];

  /** Simulated times. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
