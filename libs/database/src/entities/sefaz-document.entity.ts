import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A document attached to an operation (e-Docex) and made available to the Sefaz of `ufs`. */
@Entity('sefaz_document')
@Index('sefaz_document_by_operation', ['operationType', 'operationNumber'])
export class SefazDocument {
  /** `idDocumento`. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** `tipoOperacao`: DUIMP, LPCO, DUE, DI... */
  @Column({ name: 'operation_type', type: 'varchar', length: 5 })
  operationType: string;

  @Column({ name: 'operation_number', type: 'varchar', length: 255 })
  operationNumber: string;

  @Column({ name: 'document_type_id', type: 'integer' })
  documentTypeId: number;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** `tipoAcesso`: 1 every órgão of the operation, 2 RFB and Sefaz only. */
  @Column({ name: 'access_type', type: 'smallint' })
  accessType: number;

  /** UFs whose Sefaz the document is made available to (and notified). */
  @Column({ type: 'text', array: true })
  ufs: string[];

  /** The rest of e-Docex's `Documento` (palavras-chave, anexadoPor...). */
  @Column({ type: 'jsonb' })
  data: Record<string, any>;

  /** Simulated `dataHoraAnexacao`. */
  @Column({ name: 'attached_at', type: 'timestamptz' })
  attachedAt: Date;
}
