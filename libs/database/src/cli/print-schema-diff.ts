import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { dataSourceOptions } from '../data-source-options.js';
import { ensureDatabase, runMigrations } from '../migrate.js';

/**
 * Applies the migrations to DATABASE_URL, then lists the SQL that would make the schema match the entities.
 * Empty means no drift. `--check` exits 1 on drift (the CI gate).
 */
const config = loadConfig({ ADMIN_TOKEN: 'unused-by-this-command', ...process.env });
await ensureDatabase(config.DATABASE_URL);
const dataSource = new DataSource(dataSourceOptions(config.DATABASE_URL));
await dataSource.initialize();
try {
  await runMigrations(dataSource);
  const sql = await dataSource.driver.createSchemaBuilder().log();
  const pending = sql.upQueries.map((query) => query.query);
  if (pending.length === 0) {
    console.log('migrations: entities and migrations agree');
  } else {
    console.log(`migrations: ${pending.length} statement(s) of drift between entities and migrations:`);
    for (const query of pending) console.log(`  ${query};`);
    if (process.argv.includes('--check')) process.exitCode = 1;
  }
} finally {
  await dataSource.destroy();
}
