import { PreparedStatement, type Queryable } from './prepared-statement.js';

/**
 * Every PostgreSQL advisory lock the simulator takes, in one registry so two never share a key.
 * Each serialises one thing across all processes.
 */
export enum AdvisoryLock {
  /** Schema migrations at boot. */
  Migrations = 727_001,
  /** The receipt hash chain: one writer extends it at a time. */
  ReceiptChain = 727_002,
  /** The test CA: the first processes to boot create one between them. */
  Authority = 727_003,
  /** Duimp sequence numbers. */
  DuimpNumbering = 727_101,
  /** LPCO sequence numbers. */
  LpcoNumbering = 727_102,
  /** The Sefaz's ICMS options: a list's codes are checked and inserted as one. */
  IcmsOptions = 727_103,
}

const LOCK_FOR_TRANSACTION = new PreparedStatement('advisory-xact-lock', 'SELECT pg_advisory_xact_lock($1)');

/** Holds `lock` until the surrounding transaction ends. */
export async function lockForTransaction(runner: Queryable, lock: AdvisoryLock): Promise<void> {
  await LOCK_FOR_TRANSACTION.run(runner, [lock]);
}
