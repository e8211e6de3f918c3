import pg from 'pg';

/** Where a stored notification stands in the receiver's own processing (not the portal's delivery states). */
export const InboxState = { ToProcess: 'A_PROCESSAR', Processed: 'PROCESSADA', Failed: 'FALHA' } as const;
export type InboxState = (typeof InboxState)[keyof typeof InboxState];

export interface InboxRow {
  id_notificacao: string;
  evento: string;
  payload: Record<string, any>;
  attempts: number;
}

/**
 * The receiver's durable inbox: a notification is committed here before the 200 goes back, so a crash
 * after answering loses nothing; the primary key on `id-notificacao` makes a repeat a no-op.
 */
export class InboxStore {
  readonly pool: pg.Pool;

  constructor(
    databaseUrl: string,
    private readonly schema: string,
  ) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  }

  /** Its own schema and table, created if missing (a real receiver would run its own migrations). */
  async prepare(): Promise<void> {
    await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
    await this.pool.query(`CREATE TABLE IF NOT EXISTS ${this.schema}.notificacao (
      id_notificacao varchar(100) PRIMARY KEY,
      evento varchar(40) NOT NULL,
      payload jsonb NOT NULL,
      recebida_em timestamptz NOT NULL DEFAULT now(),
      situacao varchar(12) NOT NULL DEFAULT '${InboxState.ToProcess}',
      attempts smallint NOT NULL DEFAULT 0,
      resultado jsonb
    )`);
  }

  /** True when new; false when this id-notificacao was already stored (a repeat: answer 200 again). */
  async store(idNotificacao: string, evento: string, payload: unknown): Promise<boolean> {
    const inserted = await this.pool.query(
      `INSERT INTO ${this.schema}.notificacao (id_notificacao, evento, payload) VALUES ($1, $2, $3) ON CONFLICT (id_notificacao) DO NOTHING`,
      [idNotificacao, evento, JSON.stringify(payload)],
    );
    return inserted.rowCount === 1;
  }

  /** Claims pending notifications; SKIP LOCKED lets several receiver processes share the inbox. */
  async claim(limit: number, work: (row: InboxRow) => Promise<{ situacao: string; resultado: unknown }>): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<InboxRow>(
        `SELECT id_notificacao, evento, payload, attempts FROM ${this.schema}.notificacao
          WHERE situacao = '${InboxState.ToProcess}' ORDER BY recebida_em LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      for (const row of rows) {
        const { situacao, resultado } = await work(row);
        await client.query(`UPDATE ${this.schema}.notificacao SET situacao = $2, attempts = attempts + 1, resultado = $3 WHERE id_notificacao = $1`, [
          row.id_notificacao,
          situacao,
          JSON.stringify(resultado),
        ]);
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
