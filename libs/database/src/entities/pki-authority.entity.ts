import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The simulator's test CA (root + intermediate), created on first boot and kept across restarts. */
@Entity('pki_authority')
export class PkiAuthority {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ name: 'root_cert_pem', type: 'text' })
  rootCertPem: string;

  /** Test-only keys: this CA exists to be trusted in tests and nowhere else. */
  @Column({ name: 'root_key_pem', type: 'text' })
  rootKeyPem: string;

  @Column({ name: 'intermediate_cert_pem', type: 'text' })
  intermediateCertPem: string;

  @Column({ name: 'intermediate_key_pem', type: 'text' })
  intermediateKeyPem: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
