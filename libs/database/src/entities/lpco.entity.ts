import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LpcoSituacao } from '#domain';

export interface LpcoLink {
  tipoOperacao: string;
  numeroOperacao: string;
  dataVinculo: string;
}

export interface LpcoHistoryEntry {
  evento: string;
  situacao: LpcoSituacao;
  autor: 'INTERESSADO' | 'ANUENTE' | 'SISTEMA';
  justificativa?: string;
  data: string;
}

/** An LPCO request: its model (and so its órgão anuente), its holder and its situation. */
@Entity('lpco')
@Index('lpco_by_holder', ['holderNi'])
export class Lpco {
  /** `OAANNNNNNNN`. */
  @PrimaryColumn({ type: 'char', length: 11 })
  number: string;

  /** `codigoModelo` (`ONNNNN`). */
  @Column({ type: 'char', length: 6 })
  model: string;

  /** The órgão anuente that analyses it (from the model, or given). */
  @Column({ type: 'varchar', length: 20 })
  orgao: string;

  /** NI (CNPJ/CPF) of the importer/exporter who holds it. */
  @Column({ name: 'holder_ni', type: 'varchar', length: 14 })
  holderNi: string;

  @Column({ type: 'varchar', length: 40 })
  situation: LpcoSituacao;

  /** Operations (Duimp, DU-E...) it is linked to. */
  @Column({ type: 'jsonb' })
  links: LpcoLink[];

  @Column({ name: 'rectification_pending', type: 'boolean', default: false })
  rectificationPending: boolean;

  @Column({ name: 'extension_pending', type: 'boolean', default: false })
  extensionPending: boolean;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  /** The form's data (holder's name, goods, quantities...). */
  @Column({ type: 'jsonb' })
  data: Record<string, any>;

  @Column({ type: 'jsonb' })
  history: LpcoHistoryEntry[];

  /** Simulated times. */
  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
