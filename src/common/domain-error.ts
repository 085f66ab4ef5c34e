/** The contract's error codes that the domain raises; GraphQL-level codes are added by the formatter. */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * An expected failure of an operation, raised by services without knowing about GraphQL;
 * graphql/format-error.ts turns it into a GraphQL error with `extensions.code`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { fields?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, { fields: [{ field, message }] });

export const notFound = (what: string, id: string, field?: string) =>
  new DomainError(
    'NOT_FOUND',
    `${what} ${id} does not exist`,
    field ? { fields: [{ field, message: `${what} ${id} does not exist` }] } : {},
  );

export const forbidden = (message = 'You may not change this record') => new DomainError('FORBIDDEN', message);

export const unauthenticated = (message = 'Sign in with a bearer token to do this') => new DomainError('UNAUTHENTICATED', message);
