import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { badInput, DomainError, notFound } from '../common/domain-error';
import { Author, recordAuditEvent, Snapshot } from './audit-log';
import { ArchivableEntity, VersionedEntity } from './versioned.entity';

/**
 * Reads a record for update inside the write's transaction and checks the caller's
 * expectedVersion. The row lock makes concurrent writers of one record queue up, so exactly one
 * of them wins each version and the others get CONFLICT with nothing written.
 */
export async function lockForUpdate<T extends VersionedEntity>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  what: string,
  id: string,
  expectedVersion: number,
): Promise<T> {
  const record = await manager.findOne(entity, { where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } });
  if (!record) throw notFound(what, id, 'id');
  if (record.version !== expectedVersion) throw staleVersion(what, id, record.version, expectedVersion);
  return record;
}

/** CONFLICT: the caller read an older (or another) version of the record than the one it has now. */
export function staleVersion(what: string, id: string, currentVersion: number, expectedVersion: number): DomainError {
  return new DomainError('CONFLICT', `${what} ${id} is at version ${currentVersion}; you sent expectedVersion ${expectedVersion}`, {
    currentVersion,
    fields: [{ field: 'expectedVersion', message: `the current version is ${currentVersion}` }],
  });
}

/** What the audit trail should show beyond the record's own columns (e.g. an agreement's parties). */
export interface AuditedExtras {
  before: Snapshot;
  after: Snapshot;
}

/** One write of one versioned record; see writeVersioned. */
export interface VersionedWrite<T extends VersionedEntity> {
  entity: EntityTarget<T>;
  /** The record's type as the API names it: in the audit trail and in errors. */
  entityType: string;
  id: string;
  expectedVersion: number;
  /** The mutation, as the audit trail names it. */
  action: string;
  /** Permission and state checks on the locked record, before anything changes: throw to refuse. */
  check?: (record: T) => void | Promise<void>;
  /** The change itself, made on the locked record; it may write related rows with the same manager. */
  change: (record: T) => void | AuditedExtras | Promise<void | AuditedExtras>;
}

/**
 * The one way a versioned record is written: lock it, check expectedVersion, check permission on
 * the locked row, change it, bump the version, save, and write the audit event, all with the
 * manager of the caller's transaction, so that all of it commits or none of it does.
 */
export async function writeVersioned<T extends VersionedEntity>(
  manager: EntityManager,
  actor: Author,
  write: VersionedWrite<T>,
): Promise<T> {
  const record = await lockForUpdate(manager, write.entity, write.entityType, write.id, write.expectedVersion);
  await write.check?.(record);
  const before = { ...record } as Snapshot;
  const extras = await write.change(record);
  record.version += 1;
  const saved = await manager.save(write.entity, record);
  await recordAuditEvent(manager, actor, {
    action: write.action,
    entityType: write.entityType,
    entityId: write.id,
    before: { ...before, ...extras?.before },
    after: { ...auditedColumns(manager, write.entity, saved), ...extras?.after },
  });
  return saved;
}

/**
 * A saved record as its audit event shows it: without the columns it is not read with (select:
 * false, such as a search index PostgreSQL computes), which save() reads back all the same. They
 * are derived from the other columns, so auditing them would only repeat those.
 */
function auditedColumns<T extends object>(manager: EntityManager, entity: EntityTarget<T>, record: T): Snapshot {
  const snapshot = { ...record } as Snapshot;
  for (const column of manager.connection.getMetadata(entity).columns) if (!column.isSelect) delete snapshot[column.propertyName];
  return snapshot;
}

/** A new record and its audit event, with the manager of the caller's transaction. */
export async function insertAudited<T extends object>(
  manager: EntityManager,
  actor: Author,
  insert: { entity: EntityTarget<T>; entityType: string; action: string; values: Partial<T>; audited?: Snapshot },
): Promise<T & { id: string }> {
  const record = (await manager.save(insert.entity, manager.create(insert.entity, insert.values as T))) as T & { id: string };
  await recordAuditEvent(manager, actor, {
    action: insert.action,
    entityType: insert.entityType,
    entityId: record.id,
    before: null,
    after: { ...auditedColumns(manager, insert.entity, record), ...insert.audited },
  });
  return record;
}

type ArchiveWrite<T extends ArchivableEntity> = Omit<VersionedWrite<T>, 'change' | 'action'> & { action?: string };

/** Archives a record: it leaves lists and current views until restored; nothing is deleted. */
export function archiveVersioned<T extends ArchivableEntity>(manager: EntityManager, actor: Author, write: ArchiveWrite<T>): Promise<T> {
  return writeVersioned(manager, actor, {
    ...write,
    action: write.action ?? `archive${write.entityType}`,
    change: (record) => {
      if (record.archivedAt) throw badInput('id', `The ${write.entityType.toLowerCase()} is archived already`);
      record.archivedAt = new Date();
    },
  });
}

/** Brings an archived record back into lists and current views. */
export function restoreVersioned<T extends ArchivableEntity>(manager: EntityManager, actor: Author, write: ArchiveWrite<T>): Promise<T> {
  return writeVersioned(manager, actor, {
    ...write,
    action: write.action ?? `restore${write.entityType}`,
    change: (record) => {
      if (!record.archivedAt) throw badInput('id', `The ${write.entityType.toLowerCase()} is not archived`);
      record.archivedAt = null;
    },
  });
}
