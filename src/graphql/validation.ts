import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../common/domain-error';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator on every input and args class; a failure is BAD_USER_INPUT naming each bad field. */
export const registryValidationPipe = () =>
  new ValidationPipe({
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
