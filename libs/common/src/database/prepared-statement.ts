/** Anything that runs SQL: a DataSource, or an EntityManager inside a transaction. */
export interface Queryable {
  query(query: string, parameters?: unknown[]): Promise<any>;
}

/**
 * A named prepared statement for the hot paths (publishing, delivering, recording): PostgreSQL parses and
 * plans it once per connection instead of on every call, which was most of its CPU per delivery.
 * TypeORM passes the query through to `pg` untouched, and `pg` prepares a `{ name, text }` query config;
 * results keep TypeORM's shape (rows, or `[rows, count]` for UPDATE and DELETE).
 */
export class PreparedStatement {
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}

  run<T = any>(runner: Queryable, parameters: unknown[] = []): Promise<T> {
    return runner.query({ name: this.name, text: this.text } as unknown as string, parameters);
  }
}
