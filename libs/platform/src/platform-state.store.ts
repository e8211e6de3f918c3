import { SIM_NOW_SQL } from '#clock';
import { PreparedStatement, type Queryable, TickSharedRead } from '#common';
import { blockEnd } from './access-limits.js';
import { brasiliaDay, hourStart } from './brasilia-time.js';

/** The platform switches as stored by the admin API, with the simulated now read in the same round trip. */
export interface StoredPlatformState {
  now: Date;
  accessLimitsEnabled: boolean | null;
  accessLimits: Record<string, number>;
  maintenanceDaily: boolean | null;
  maintenanceOpenUntil: Date | null;
}

const READ_STATE = new PreparedStatement(
  'platform-state',
  `SELECT ${SIM_NOW_SQL} AS now, access_limits_enabled, access_limits, maintenance_daily, maintenance_open_until
     FROM platform_setting WHERE id = 1`,
);

/** One primary-key read per portal call: cheap enough for the hot path, and never stale across gateways. */
export async function readPlatformState(runner: Queryable): Promise<StoredPlatformState> {
  const [row] = await READ_STATE.run(runner);
  return {
    now: new Date(row.now),
    accessLimitsEnabled: row.access_limits_enabled,
    accessLimits: row.access_limits ?? {},
    maintenanceDaily: row.maintenance_daily,
    maintenanceOpenUntil: row.maintenance_open_until ? new Date(row.maintenance_open_until) : null,
  };
}

/**
 * The platform state for the callers of one tick with one read (a batch of deliveries, the portal calls
 * arriving together). Each read starts after every call it answers, so a window opened before a call is
 * always seen: nothing is sent once a window is open.
 */
export class PlatformStateReader {
  private readonly shared: TickSharedRead<StoredPlatformState>;

  constructor(runner: Queryable) {
    this.shared = new TickSharedRead(() => readPlatformState(runner));
  }

  read(): Promise<StoredPlatformState> {
    return this.shared.get();
  }
}

export interface AccessCount {
  hits: number;
  offences: number;
  blockedUntil: Date | null;
  /** This call is refused: the function is blocked for the caller until `blockedUntil`. */
  refused: boolean;
}

/**
 * Counts one call of `funcao` by an interveniente and applies the portal's rules in one atomic upsert,
 * so N gateways share the counters: a new clock hour starts a new count, a new Brasília day forgets the
 * offences, a call over `limit` earns the next escalating block, and calls made while blocked are refused
 * without counting.
 */
const COUNT_ACCESS = new PreparedStatement(
  'access-count',
  `INSERT INTO access_counter AS c (interveniente_id, funcao, day, window_start, hits, offences, blocked_until)
   VALUES ($1, $2, $3::date, $4, 1, 0, NULL)
   ON CONFLICT (interveniente_id, funcao) DO UPDATE SET (day, window_start, hits, offences, blocked_until) = (
     SELECT $3::date, $4::timestamptz,
            CASE WHEN s.blocked THEN s.hits0 ELSE s.hits0 + 1 END,
            CASE WHEN s.exceeded THEN s.off0 + 1 ELSE s.off0 END,
            CASE WHEN s.exceeded THEN ($7::timestamptz[])[least(s.off0, 2) + 1] ELSE s.bu0 END
       FROM (SELECT d.*, NOT d.blocked AND d.hits0 + 1 > $6 AS exceeded
               FROM (SELECT CASE WHEN c.day = $3::date THEN c.offences ELSE 0 END AS off0,
                            CASE WHEN c.day = $3::date THEN c.blocked_until END AS bu0,
                            coalesce(c.day = $3::date AND c.blocked_until > $5, false) AS blocked,
                            CASE WHEN c.day = $3::date AND c.window_start = $4 THEN c.hits ELSE 0 END AS hits0) d) s)
   RETURNING hits, offences, blocked_until`,
);

export async function countAccess(
  runner: Queryable,
  { intervenienteId, funcao, now, limit }: { intervenienteId: string; funcao: string; now: Date; limit: number },
): Promise<AccessCount> {
  const windowStart = hourStart(now);
  const ends = [1, 2, 3].map((offence) => blockEnd(windowStart, offence).toISOString());
  const [row] = await COUNT_ACCESS.run(runner, [intervenienteId, funcao, brasiliaDay(now), windowStart, now, limit, ends]);
  const blockedUntil = row.blocked_until ? new Date(row.blocked_until) : null;
  return { hits: row.hits, offences: row.offences, blockedUntil, refused: blockedUntil !== null && blockedUntil > now };
}

