import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last successful authentication per credential: the portal refuses another within 60 s (PLAT-ER2033). */
@Entity('portal_login')
export class PortalLogin {
  /** The certificate's identity and the path used, e.g. `sistema:99246982000163:SEFAZ-SP`. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  credential: string;

  /** Simulated time. */
  @Column({ name: 'authenticated_at', type: 'timestamptz' })
  authenticatedAt: Date;
}
