import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The platform switches set through the admin API, shared by every gateway and worker (one row, id 1).
 * A null column falls back to the environment's setting.
 */
@Entity('platform_setting')
export class PlatformSetting {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ name: 'access_limits_enabled', type: 'boolean', nullable: true })
  accessLimitsEnabled: boolean | null;

  /** Per-function hourly quotas overriding the defaults, `{funcao: limit}`. */
  @Column({ name: 'access_limits', type: 'jsonb', default: () => "'{}'" })
  accessLimits: Record<string, number>;

  @Column({ name: 'maintenance_daily', type: 'boolean', nullable: true })
  maintenanceDaily: boolean | null;

  /** End of an unscheduled window opened through the admin API (simulated time). */
  @Column({ name: 'maintenance_open_until', type: 'timestamptz', nullable: true })
  maintenanceOpenUntil: Date | null;
}
