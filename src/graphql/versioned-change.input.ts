import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';

/** What every change to an existing record names: the record, and the version the caller read. */
@InputType({ isAbstract: true })
export abstract class VersionedChange {
  @Field(() => ID, { description: 'The record to change.' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you read; a newer one means someone else changed it first (CONFLICT, nothing written).' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
