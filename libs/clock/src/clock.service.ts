import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PreparedStatement, type Queryable, TickSharedRead } from '#common';

/**
 * The simulated time as a SQL expression, so every process and every query agrees on it
 * without caching an offset that another process may have moved.
 */
export const SIM_NOW_SQL = `(clock_timestamp() + (SELECT offset_ms FROM sim_clock WHERE id = 1) * interval '1 millisecond')`;

const SELECT_SIM_NOW = new PreparedStatement('sim-now', `SELECT ${SIM_NOW_SQL} AS sim_now`);

/** The simulated now as PostgreSQL reads it, through `runner` (inside a transaction: the time it runs at). */
export async function simNow(runner: Queryable): Promise<Date> {
  const [{ sim_now }] = await SELECT_SIM_NOW.run(runner);
  return new Date(sim_now);
}

/** The simulated clock: real time plus an offset stored in PostgreSQL and shared by every process. */
@Injectable()
export class ClockService {
  // Requests arriving together (the emission route under load) share one read of the offset; each read
  // starts after the calls it answers, so an advance made before a call is always seen.
  private readonly offset: TickSharedRead<number>;

  constructor(private readonly dataSource: DataSource) {
    this.offset = new TickSharedRead(async () => {
      const [row] = await this.dataSource.query('SELECT offset_ms FROM sim_clock WHERE id = 1');
      return Number(row?.offset_ms ?? 0);
    });
  }

  offsetMs(): Promise<number> {
    return this.offset.get();
  }

  async now(): Promise<Date> {
    return new Date(Date.now() + (await this.offsetMs()));
  }

  /** Moves simulated time forward; it never goes back, so retries and receipts keep their order. */
  async advance(ms: number): Promise<Date> {
    // TypeORM answers an UPDATE with [rows, count].
    const [[row]] = await this.dataSource.query(
      'UPDATE sim_clock SET offset_ms = offset_ms + $1 WHERE id = 1 RETURNING offset_ms',
      [Math.max(0, Math.round(ms))],
    );
    return new Date(Date.now() + Number(row.offset_ms));
  }

  async reset(): Promise<void> {
    await this.dataSource.query('UPDATE sim_clock SET offset_ms = 0 WHERE id = 1');
  }
}
