import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsUrl, IsUUID, Matches, registerDecorator, ValidateIf, ValidationArguments, ValidationOptions } from 'class-validator';

export const NAME_MAX = 300;
export const TEXT_MAX = 100_000;
export const URL_MAX = 2_000;

/** Trims strings before validation, so "  IHK " is stored as "IHK" and "   " fails a length check. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** An absolute http(s) URL. */
export const IsHttpUrl = (options?: ValidationOptions) =>
  IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '$property must be an absolute http(s) URL', ...options },
  );

/** A period's end (this property) is never before its start (the named property); ISO dates compare as strings, instants as instants. */
export function NotBefore(startProperty: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName,
      constraints: [startProperty],
      options: { message: `$property must not be before ${startProperty}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[startProperty];
          if (value instanceof Date && start instanceof Date) return value.getTime() >= start.getTime();
          return typeof value !== 'string' || typeof start !== 'string' || value >= start;
        },
      },
    });
}

/** A calendar date: the Date scalar has checked it is real; this marks the property for validation. */
export const IsCalendarDate = (options?: ValidationOptions) =>
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date (YYYY-MM-DD)', ...options });

/** For a field that may be omitted but not cleared: null is validated (and refused), undefined skipped. */
export const UnlessOmitted = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

const lowerCase = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

/**
 * A record id: a UUID, kept in lower case as PostgreSQL prints it, so ids from input compare
 * equal to ids from the database (coordinator scopes, party lists) however the caller wrote them.
 */
export const IsId = (options?: { each?: boolean }) =>
  applyDecorators(
    Transform(({ value }) => (Array.isArray(value) ? value.map(lowerCase) : lowerCase(value))),
    IsUUID(undefined, { each: options?.each }),
  );
