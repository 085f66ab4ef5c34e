import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { UuidPipe } from './uuid.pipe';

/** Like UuidPipe for an optional `ID` argument: absent stays absent. */
@Injectable()
export class OptionalUuidPipe implements PipeTransform<unknown, string | undefined> {
  private readonly uuid = new UuidPipe();

  transform(value: unknown, metadata: ArgumentMetadata): string | undefined {
    return value === undefined || value === null ? undefined : this.uuid.transform(value, metadata);
  }
}
