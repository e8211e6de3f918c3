import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // The schema comes from migrations only.
    synchronize: false,
    uuidExtension: 'pgcrypto',
    // A PostgreSQL that does not answer fails the request (503) instead of holding it forever.
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
