import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { badInput } from '../common/domain-error';

/** An `ID!` argument must be a UUID; anything else is BAD_USER_INPUT, not a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    const field = metadata.data ?? 'id';
    if (typeof value !== 'string' || !isUUID(value)) throw badInput(field, `${field} must be a UUID`);
    return value.toLowerCase();
  }
}
