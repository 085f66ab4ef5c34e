import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { DomainError, notFound } from '../common/domain-error';
import { VersionedEntity } from './versioned.entity';

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
  if (record.version !== expectedVersion) {
    throw new DomainError('CONFLICT', `${what} ${id} is at version ${record.version}; you sent expectedVersion ${expectedVersion}`, {
      currentVersion: record.version,
      fields: [{ field: 'expectedVersion', message: `the current version is ${record.version}` }],
    });
  }
  return record;
}
