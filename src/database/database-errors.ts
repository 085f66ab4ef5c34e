import { QueryFailedError } from 'typeorm';
import { DomainError } from '../common/domain-error';

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Constraint violations that mean the caller's input was wrong, as domain errors. A foreign key
 * that names no record is how a write learns that a referenced id does not exist.
 */
export function databaseErrorToDomain(error: unknown): DomainError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = error.driverError as { code?: string; detail?: string; constraint?: string; table?: string };
  const detail = driver.detail ?? '';
  switch (driver.code) {
    case '23503': {
      const match = /Key \((\w+)\)=\(([^)]*)\) is not present in table "(\w+)"/.exec(detail);
      if (!match) return null;
      const [, column, value, table] = match;
      const message = `${table} ${value} does not exist`;
      return new DomainError('NOT_FOUND', message, { fields: [{ field: camel(column), message }] });
    }
    case '23505': {
      const match = /Key \(([^)]*)\)=/.exec(detail);
      const fields = match ? match[1].split(', ').map((column) => ({ field: camel(column), message: 'already exists' })) : [];
      return new DomainError('CONFLICT', `That record already exists (${driver.constraint ?? driver.table ?? 'unique key'})`, { fields });
    }
    case '23502': {
      const column = (driver as { column?: string }).column;
      const field = column ? camel(column) : 'input';
      return new DomainError('BAD_USER_INPUT', `${field} must not be null`, { fields: [{ field, message: `${field} must not be null` }] });
    }
    case '23514':
      return new DomainError('BAD_USER_INPUT', `The input breaks the rule ${driver.constraint ?? ''}`.trim());
    case '22P02':
    case '22007':
    case '22008':
    case '22001':
    case '22021':
      return new DomainError('BAD_USER_INPUT', 'A value has the wrong form or length');
    default:
      return null;
  }
}
