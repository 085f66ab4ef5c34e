import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../common/domain-error';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Text that cannot be kept as it was sent: NUL, which PostgreSQL refuses in text; a lone UTF-16
 * surrogate (JSON's "\ud800"), which would be stored as U+FFFD; and U+FFFD itself, which is what
 * the JSON body parser makes of bytes that are not UTF-8. Stored, each would be a silently
 * different name; in a filter, a search that cannot match what the caller meant.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this pattern looks for
const UNREADABLE = /\u0000|\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNREADABLE_MESSAGE = 'contains a NUL character, a lone surrogate or bytes that are not UTF-8';

function unreadableStrings(value: unknown, field: string): FieldError[] {
  if (typeof value === 'string') return UNREADABLE.test(value) ? [{ field, message: `${field} ${UNREADABLE_MESSAGE}` }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unreadableStrings(item, `${field}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => unreadableStrings(item, field ? `${field}.${key}` : key));
  }
  return [];
}

/**
 * Checks every string of every GraphQL argument (Nest calls them 'body' parameters) before the
 * class-validator rules, which see only the properties of input classes, not a bare `String` or
 * `ID` argument.
 */
class RegistryValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      // A named argument's fields are named inside it, as class-validator names them.
      const fields = unreadableStrings(value, typeof value === 'string' ? (metadata.data ?? '') : '');
      if (fields.length > 0)
        throw new DomainError('BAD_USER_INPUT', `Invalid input: ${fields.map((f) => f.message).join('; ')}`, { fields });
    }
    return super.transform(value, metadata);
  }
}

/** class-validator on every input and args class; a failure is BAD_USER_INPUT naming each bad field. */
export const registryValidationPipe = () =>
  new RegistryValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: true,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new DomainError('BAD_USER_INPUT', `Invalid input: ${fields.map((f) => f.message).join('; ')}`, { fields });
    },
  });
