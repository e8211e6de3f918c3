import pg from 'pg';
import { TEST_ENV } from './test-env.js';

/** A fresh test database per run: migrations are applied by the first app that boots. */
export default async function setup(): Promise<void> {
  const url = new URL(TEST_ENV.DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
