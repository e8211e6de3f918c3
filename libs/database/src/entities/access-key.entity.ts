import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Interveniente } from './interveniente.entity.js';

/**
 * An access key pair ("chave de acesso") of an interveniente: `Client-Id` and `Client-Secret` log in at
 * /portal/api/autenticar/chave-acesso[/sistema] as the key's owner. Only the secret's SHA-256 is kept.
 */
@Entity('access_key')
export class AccessKey {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 64 })
  clientId: string;

  /** Hex SHA-256 of the secret: a 256-bit random secret needs no slow hash. */
  @Column({ name: 'secret_sha256', type: 'char', length: 64 })
  secretSha256: string;

  @Column({ name: 'interveniente_id', type: 'uuid' })
  intervenienteId: string;

  @ManyToOne(() => Interveniente, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interveniente_id' })
  interveniente?: Interveniente;

  /** Simulated time. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Simulated time; a revoked key is refused at the next login (PLAT-ER8008). */
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
