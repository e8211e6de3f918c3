import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsBoolean,
  IsInt,
  IsIP,
  IsOptional,
  IsString,
  Max,
  Matches,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** `funcao=limit,funcao=limit` into `{funcao: limit}`; a malformed pair is kept as a string to be reported. */
const toQuotas = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const quotas: Record<string, unknown> = {};
  for (const pair of value.split(',').map((item) => item.trim()).filter(Boolean)) {
    const match = /^([a-z][a-z-]{0,39})=(\d{1,7})$/.exec(pair);
    if (!match || Number(match[2]) < 1) return value;
    quotas[match[1]] = Number(match[2]);
  }
  return quotas;
};

/**
 * Every setting of the simulator, read from the environment once at boot.
 * A bad value stops the process and names the variable.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: string = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/pucomex';

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  /** Key prefix of every BullMQ key, so several simulators can share one Redis. */
  @Matches(/^[a-zA-Z0-9_-]{1,40}$/)
  QUEUE_PREFIX: string = 'pucomex';

  @IsString()
  HOST: string = '0.0.0.0';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  ADMIN_PORT: number = 8080;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORTAL_PORT: number = 8443;

  /** Port of the worker's own /health and /metrics. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT: number = 9090;

  @IsString()
  @MinLength(16, { message: 'ADMIN_TOKEN must have at least 16 characters' })
  ADMIN_TOKEN: string;

  /** Portal rule: 3 attempts. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  DELIVERY_MAX_ATTEMPTS: number = 3;

  /** Portal rule: 5 minutes between attempts, measured on the simulated clock. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  DELIVERY_RETRY_DELAY_MS: number = 300_000;

  /** Portal rule: 3.5 s processing budget. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DELIVERY_TIMEOUT_MS: number = 3_500;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  DELIVERY_CONCURRENCY: number = 64;

  /**
   * Concurrent deliveries per worker to endpoints that answer slowly or time out: they take a lane of
   * their own, so they never hold the slots healthy endpoints are served from.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5_000)
  DELIVERY_SLOW_LANE_CONCURRENCY: number = 128;

  /** Source addresses bound to each delivery socket; published by /portal/api/ext/webhook/ips. */
  @Transform(toList)
  @IsIP(undefined, { each: true })
  EGRESS_ADDRESSES: string[] = [];

  /**
   * Which endpoints subscriptions may name. `portal`, as the real portal: https on port 443 and public
   * addresses only, the name resolved again at every send. `local` (development, docker-compose): https
   * still, any port, loopback and private addresses allowed.
   */
  @IsIn(['local', 'portal'])
  ENDPOINT_POLICY: 'local' | 'portal' = 'local';

  /** DNS servers (`ip` or `ip:port`) that resolve endpoint names; empty: the operating system's resolver. */
  @Transform(toList)
  @Matches(/^[\d.:[\]a-fA-F]+$/, { each: true })
  DNS_SERVERS: string[] = [];

  /** PEM files of extra CAs trusted for receivers' certificates (e.g. an integrator's homologation chain). */
  @Transform(toList)
  @IsString({ each: true })
  EXTRA_CA_FILES: string[] = [];

  /** How often due notifications (retries, and any lost from Redis) are moved to the queue. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  RECONCILE_INTERVAL_MS: number = 1_000;

  /** A due notification enqueued longer ago than this with no progress is enqueued again. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  RECONCILE_LEASE_MS: number = 30_000;

  /** BullMQ lock: a job whose worker died is handed to another worker after this. */
  @Type(() => Number)
  @IsInt()
  @Min(500)
  QUEUE_LOCK_DURATION_MS: number = 30_000;

  /** On SIGTERM the gateway stops accepting at once; requests in flight get this long to finish before their connections are cut. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SHUTDOWN_DEADLINE_MS: number = 10_000;

  /** Names in the portal's TLS server certificate besides localhost and 127.0.0.1. */
  @Transform(toList)
  @IsString({ each: true })
  PORTAL_HOSTNAMES: string[] = [];

  /** Portal rule: another authentication by the same credential within 60 s is refused (PLAT-ER2033); 0 turns it off. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  AUTH_REAUTH_WINDOW_MS: number = 60_000;

  /** Portal rule: X-CSRF-Token lives 60 minutes, renewed by every call (simulated clock). */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  CSRF_TTL_MS: number = 3_600_000;

  /** Lifetime of the Set-Token JWT (simulated clock). */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  JWT_TTL_MS: number = 43_200_000;

  /** How often a gateway re-reads revocations made by other gateways. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  CRL_REFRESH_MS: number = 2_000;

  /** Address of the admin API as integrators reach it: the CRL distribution point of issued certificates. */
  @Matches(/^https?:\/\//)
  PUBLIC_ADMIN_URL: string = 'http://127.0.0.1:8080';

  /** Portal rule ("Limites de Acesso"): hourly quotas per function and interveniente, escalating blocks (PUCX-ER1001). */
  @Transform(toBoolean)
  @IsBoolean()
  ACCESS_LIMITS_ENABLED: boolean = true;

  /** Quotas replacing the defaults, `funcao=limit` separated by commas (e.g. `duimp-eventos=120`). */
  @Transform(toQuotas)
  @IsObject({ message: 'ACCESS_LIMITS must be funcao=limit pairs separated by commas, each limit at least 1' })
  ACCESS_LIMITS: Record<string, number> = {};

  /** Portal rule: the daily scheduled stop, 01:00–03:00 Brasília time (PUCX-ER0401). Off by default. */
  @Transform(toBoolean)
  @IsBoolean()
  MAINTENANCE_WINDOW_ENABLED: boolean = false;

  @IsOptional()
  @IsString()
  INSTANCE_NAME?: string;
}

export class ConfigValidationError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Fields without a default are not own keys of a fresh instance: list them too.
  const known = new Set([...Object.keys(new AppConfig()), 'ADMIN_TOKEN', 'INSTANCE_NAME']);
  const raw = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => value !== undefined && value !== '' && known.has(key)),
  );
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (error) => `  ${error.property}=${JSON.stringify(error.value)}: ${Object.values(error.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigValidationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
