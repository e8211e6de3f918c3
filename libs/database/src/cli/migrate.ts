import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { dataSourceOptions } from '../data-source-options.js';
import { ensureDatabase, runMigrations } from '../migrate.js';

const config = loadConfig({ ADMIN_TOKEN: 'unused-by-this-command', ...process.env });
await ensureDatabase(config.DATABASE_URL);
const dataSource = new DataSource(dataSourceOptions(config.DATABASE_URL));
await dataSource.initialize();
try {
  await runMigrations(dataSource);
  console.log('migrations: up to date');
} finally {
  await dataSource.destroy();
}
