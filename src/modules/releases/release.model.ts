import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../../graphql/scalars';
import { LinkedEntityType, ReleaseRelation } from './release.enums';

@ObjectType({ description: 'A press release (Pressemitteilung) that announced or mentioned records of the registry.' })
export class Release {
  @Field(() => ID, { description: 'The release id.' })
  id: string;

  @Field({ description: 'Its headline.' })
  title: string;

  @Field(() => DateScalar, { description: 'The day it was published.' })
  publishedOn: string;

  @Field(() => String, { nullable: true, description: 'Where it is published: an absolute http(s) URL.' })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'Its text; searched in German by the `search` filter of `releases`.' })
  body: string | null;

  @Field(() => Int, {
    description: 'Version of the release; every change, linkRelease and unlinkRelease included, raises it. Pass it as expectedVersion.',
  })
  version: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "When it was archived (recorded by mistake): archived releases leave the releases list and every record's sources until restored; release(id) still answers.",
  })
  archivedAt: Date | null;

  publisherId: string | null;
}

@ObjectType({ description: 'A record a release announces or mentions: exactly one of the record fields is set.' })
export class ReleaseLink {
  @Field(() => ReleaseRelation, { description: 'Whether the release announces the record or only mentions it.' })
  relation: ReleaseRelation;

  entityType: LinkedEntityType;
  entityId: string;
}

@ObjectType({ description: 'What a person is quoted as saying in a release.' })
export class Quote {
  @Field({ description: 'The quoted words.' })
  text: string;

  personId: string;
}
