import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type { SqliteConnection } from './connections.js';

/**
 * Kysely over our own SQLite connections: a pool of them (threads for the server, one in-process
 * connection for a worker), statements cached, and every transaction BEGIN IMMEDIATE, because every
 * transaction here writes: taking the lock up front makes concurrent writers queue (busy_timeout)
 * instead of failing on a read-to-write upgrade.
 */
export function sqliteDialect(connections: SqliteConnection[]): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new PoolDriver(connections),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

class KyselyConnection implements DatabaseConnection {
  constructor(readonly conn: SqliteConnection) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const r = await this.conn.run(q.sql, q.parameters);
    return { rows: r.rows as R[], numAffectedRows: BigInt(r.changes), insertId: BigInt(r.lastInsertRowid) };
  }
  // eslint-disable-next-line require-yield -- Kysely's interface; we page with keyset queries instead
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by the embedded store: page with keyset queries');
  }
}

class PoolDriver implements Driver {
  private readonly idle: KyselyConnection[];
  private readonly waiting: ((c: KyselyConnection) => void)[] = [];
  constructor(private readonly connections: SqliteConnection[]) {
    this.idle = connections.map((c) => new KyselyConnection(c));
  }
  async init(): Promise<void> {}
  acquireConnection(): Promise<DatabaseConnection> {
    const c = this.idle.pop();
    if (c) return Promise.resolve(c);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const next = this.waiting.shift();
    if (next) next(connection as KyselyConnection);
    else this.idle.push(connection as KyselyConnection);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }
  async destroy(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.close()));
  }
}
