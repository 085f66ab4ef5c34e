import { DataSource } from 'typeorm';

export interface TableCounts {
  /** Rows per table, every table of the public schema, as they were when taken. */
  counts: Record<string, number>;
  /** The tables whose row count differs now, as { table: [then, now] }; {} when none does. */
  changes(): Promise<Record<string, [number, number]>>;
}

async function countRows(ds: DataSource): Promise<Record<string, number>> {
  const tables: { name: string }[] = await ds.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const rows: { name: string; count: number }[] = await ds.query(
    tables
      .map(({ name }, index) => `SELECT $${index + 1}::text AS name, count(*)::int AS count FROM "${name.replace(/"/g, '""')}"`)
      .join(' UNION ALL '),
    tables.map(({ name }) => name),
  );
  return Object.fromEntries(rows.map(({ name, count }) => [name, count]));
}

/**
 * The row count of every table (found in information_schema, so a table added later is counted
 * too), to prove that an operation wrote nothing: `expect(await counts.changes()).toEqual({})`.
 */
export async function snapshotTableCounts(ds: DataSource): Promise<TableCounts> {
  const counts = await countRows(ds);
  return {
    counts,
    async changes() {
      const now = await countRows(ds);
      const names = [...new Set([...Object.keys(counts), ...Object.keys(now)])];
      return Object.fromEntries(
        names.filter((name) => counts[name] !== now[name]).map((name) => [name, [counts[name] ?? 0, now[name] ?? 0]]),
      );
    },
  };
}
