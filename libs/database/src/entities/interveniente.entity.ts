import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { IntervenienteTipo } from '#catalog';

/** A party of the authorization base: who may use the portal, and as what. */
@Entity('interveniente')
export class Interveniente {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** CNPJ (14 digits) or CPF (11 digits). */
  @Column({ type: 'varchar', length: 14, unique: true })
  ni: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  tipo: IntervenienteTipo;

  /** The Sefaz's state. */
  @Column({ type: 'char', length: 2, nullable: true })
  uf: string | null;

  /** The órgão anuente's acronym (ANVISA, MAPA...). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  orgao: string | null;

  /** Code an equipment certificate authenticates with at /autenticar/sistema. */
  @Column({ name: 'system_code', type: 'varchar', length: 40, nullable: true, unique: true })
  systemCode: string | null;

  @Column({ name: 'role_types', type: 'text', array: true, default: () => "'{}'" })
  roleTypes: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
