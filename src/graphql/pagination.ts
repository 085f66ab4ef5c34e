import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, isUUID, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { decodeCursor, Page } from '../database/keyset-page';

/**
 * A cursor this API could have returned: every sort key is text (a name or an ISO date) and the
 * id a UUID. decodeCursor checks only the shape, so without this a forged cursor's parts reach
 * PostgreSQL, whose refusal names no field.
 */
function isCursor(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const [key, id] = decodeCursor(value);
    return typeof key === 'string' && !key.includes('\u0000') && isUUID(id);
  } catch {
    return false;
  }
}

const IsCursor = () =>
  ValidateBy({ name: 'isCursor', validator: { validate: isCursor, defaultMessage: () => 'after is not a cursor this API returned' } });

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'How many records to return: 1 to 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;

  @Field({ nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @IsCursor()
  after?: string;
}

@ObjectType({ description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field({ description: 'True when records follow this page.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last record; pass it as `after` for the next page.' })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type named `<Node>Connection` with `<Node>Edge` edges, as the contract spells them. */
export function Connection<T>(node: Type<T>, description: string): Type<ConnectionShape<T>> {
  // AuditEvent: "One audit event in a page".
  const named = node.name.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
  @ObjectType(`${node.name}Edge`, { description: `One ${named} in a page, with its cursor.` })
  class Edge {
    @Field(() => node, { description: 'The record.' })
    node: T;

    @Field({ description: 'An opaque cursor that points at this record.' })
    cursor: string;
  }

  @ObjectType(`${node.name}Connection`, { isAbstract: false, description })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The records of this page, in order.' })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Where this page ends.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many records match the filter, on all pages.' })
    totalCount: number;
  }
  return ConnectionType;
}

export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  const edges = page.items.map(({ node, cursor }) => ({ node, cursor }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: page.totalCount,
  };
}
