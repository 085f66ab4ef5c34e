import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, Min } from 'class-validator';
import { IsId } from '../common/validation';

/** What every change to an existing record names: the record, and the version the caller read. */
@InputType({ isAbstract: true })
export abstract class VersionedChange {
  @Field(() => ID, { description: 'The record to change.' })
  @IsId()
  id: string;

  @Field(() => Int, { description: 'The version you read; a newer one means someone else changed it first (CONFLICT, nothing written).' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

/** The arguments of a write that names a record and nothing else (archive, restore): the record, and the version the caller read. */
@ArgsType()
export class VersionedRecordArgs {
  @Field(() => ID, { description: 'The record.' })
  @IsId()
  id: string;

  @Field(() => Int, { description: 'The version you read; a newer one means someone else changed it first (CONFLICT, nothing written).' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
