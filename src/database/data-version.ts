import { DataSource } from 'typeorm';

/**
 * A key for the state of the committed data, from PostgreSQL itself: the text of a fresh
 * snapshot (xmin:xmax:in-progress ids). Two reads under the same snapshot see exactly the same
 * committed rows, and every commit after one snapshot changes every later one, whoever wrote
 * (this instance, another one, a migration, psql). So an answer kept under this key can never
 * be served after the data it came from has changed. Writes to other databases of the same
 * server change it too; that costs a cache miss, never a stale answer.
 */
export class DataVersion {
  constructor(private readonly dataSource: DataSource) {}

  async current(): Promise<string> {
    const [row]: { snapshot: string }[] = await this.dataSource.query('SELECT pg_current_snapshot()::text AS snapshot');
    return row.snapshot;
  }
}
