import { EntityManager } from 'typeorm';

export type Snapshot = Record<string, unknown>;

/** Who writes, as the audit trail names them: a token's sub (every Actor of src/auth is one). */
export interface Author {
  sub: string;
}

const IGNORED = new Set(['version', 'createdAt', 'updatedAt']);

const normalise = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value === undefined ? null : value);

/** The fields whose values differ, as { field: [before, after] }. */
export function diff(before: Snapshot | null, after: Snapshot | null): Record<string, unknown[]> {
  const changes: Record<string, unknown[]> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const from = normalise(before?.[key]);
    const to = normalise(after?.[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = [from, to];
  }
  return changes;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before: Snapshot | null;
  after: Snapshot | null;
}

/** Audit events are written with the manager of the mutation's transaction: both commit or neither. */
export async function recordAuditEvent(manager: EntityManager, actor: Author, entry: AuditEntry): Promise<void> {
  await manager.query('INSERT INTO audit_event (actor, action, entity_type, entity_id, changes) VALUES ($1, $2, $3, $4, $5)', [
    actor.sub,
    entry.action,
    entry.entityType,
    entry.entityId,
    JSON.stringify(diff(entry.before, entry.after)),
  ]);
}
