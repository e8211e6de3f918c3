import type { AppConfig } from '#config';
import { isLimitedFunction, LIMITED_FUNCTIONS, type LimitedFunction } from './access-limits.js';
import type { MaintenanceSettings } from './maintenance-window.js';
import type { StoredPlatformState } from './platform-state.store.js';

/** The switches in force: what the admin API stored, else the environment. */
export interface PlatformSettings {
  now: Date;
  maintenance: MaintenanceSettings;
  accessLimits: { enabled: boolean; quotas: Record<LimitedFunction, number> };
}

/** `ACCESS_LIMITS` (`funcao=limit,...`) as quotas; names outside the catalogue are a configuration error. */
export function environmentQuotas(config: Pick<AppConfig, 'ACCESS_LIMITS'>): Record<LimitedFunction, number> {
  const quotas = Object.fromEntries(Object.entries(LIMITED_FUNCTIONS).map(([name, { quota }]) => [name, quota])) as Record<
    LimitedFunction,
    number
  >;
  for (const [name, limit] of Object.entries(config.ACCESS_LIMITS)) {
    if (!isLimitedFunction(name)) {
      throw new Error(`ACCESS_LIMITS: unknown function "${name}" (known: ${Object.keys(LIMITED_FUNCTIONS).join(', ')})`);
    }
    quotas[name] = limit;
  }
  return quotas;
}

export function platformSettings(
  stored: StoredPlatformState,
  config: Pick<AppConfig, 'ACCESS_LIMITS' | 'ACCESS_LIMITS_ENABLED' | 'MAINTENANCE_WINDOW_ENABLED'>,
): PlatformSettings {
  const quotas = environmentQuotas(config);
  for (const [name, limit] of Object.entries(stored.accessLimits)) if (isLimitedFunction(name)) quotas[name] = limit;
  return {
    now: stored.now,
    maintenance: { daily: stored.maintenanceDaily ?? config.MAINTENANCE_WINDOW_ENABLED, openUntil: stored.maintenanceOpenUntil },
    accessLimits: { enabled: stored.accessLimitsEnabled ?? config.ACCESS_LIMITS_ENABLED, quotas },
  };
}
