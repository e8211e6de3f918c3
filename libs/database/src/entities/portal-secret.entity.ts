import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Keys the portal signs tokens with, shared by every gateway and kept across restarts. */
@Entity('portal_secret')
export class PortalSecret {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name: string;

  /** Base64 of the raw key. */
  @Column({ type: 'text' })
  value: string;
}
