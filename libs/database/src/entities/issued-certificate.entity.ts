import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A certificate the test PKI issued: listed by the admin API, revocable, and the source of the CRL. */
@Entity('issued_certificate')
export class IssuedCertificate {
  /** Upper-case hex, as Node reports it. */
  @PrimaryColumn({ name: 'serial_number', type: 'varchar', length: 64 })
  serialNumber: string;

  /** e-CNPJ, e-CPF, EQUIPAMENTO or SERVIDOR. */
  @Column({ type: 'varchar', length: 12 })
  tipo: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  nivel: string | null;

  @Column({ name: 'common_name', type: 'varchar', length: 300 })
  commonName: string;

  @Column({ type: 'varchar', length: 14, nullable: true })
  cnpj: string | null;

  @Column({ type: 'varchar', length: 11, nullable: true })
  cpf: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  defects: string[];

  @Column({ name: 'not_before', type: 'timestamptz' })
  notBefore: Date;

  @Column({ name: 'not_after', type: 'timestamptz' })
  notAfter: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revocation_reason', type: 'varchar', length: 30, nullable: true })
  revocationReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
