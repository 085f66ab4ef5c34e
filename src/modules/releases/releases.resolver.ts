import { Args, Context, ID, Int, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/roles.decorator';
import { Connection, PageArgs, toConnection } from '../../graphql/pagination';
import { AsOf } from '../../graphql/point-in-time';
import { Prefetchable } from '../../graphql/prefetch';
import { related } from '../../graphql/relations';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { VersionedRecordArgs } from '../../graphql/versioned-change.input';
import { Organisation } from '../organisations/organisation.model';
import { organisationOf } from '../organisations/organisations.loader';
import { CreateReleaseInput, ReleaseFilter, ReleaseLinkInput, UpdateReleaseInput } from './dto/release.inputs';
import { Quote, Release, ReleaseLink } from './release.model';
import { LINKS, QUOTES } from './releases.loader';
import { ReleasesService } from './releases.service';

const PUBLISHER = organisationOf('publisherId');

@ObjectType()
export class ReleaseConnection extends Connection(Release, 'A page of releases, newest first.') {}

@Resolver(() => Release)
export class ReleasesResolver {
  constructor(private readonly service: ReleasesService) {}

  @Query(() => Release, { nullable: true, description: 'One release by id, archived or not, whatever its day; null when none has it.' })
  release(@Args('id', { type: () => ID }, UuidPipe) id: string, @AsOf() _day: string) {
    return this.service.find(id);
  }

  @Query(() => ReleaseConnection, {
    description: 'Releases published by the day asked, newest first, filtered and paginated; archived releases only with includeArchived.',
  })
  async releases(
    @Args() page: PageArgs,
    @AsOf() day: string,
    @Args('filter', { type: () => ReleaseFilter, nullable: true }) filter?: ReleaseFilter,
  ) {
    return toConnection(await this.service.list(filter, page, day));
  }

  @Mutation(() => Release, {
    description:
      'Records a release with the records it links to and the people it quotes. ADMIN, EDITOR, COORDINATOR. ' +
      'An id that names no record is NOT_FOUND naming the field (e.g. links[3].entityId), a record linked twice is BAD_USER_INPUT; either way nothing is written.',
  })
  createRelease(@CurrentActor() actor: Actor, @Args('input') input: CreateReleaseInput, @Context() { loaders }: RequestContext) {
    return this.service.create(actor, input, loaders);
  }

  @Mutation(() => Release, {
    description:
      'Links a release to one more record and raises its version. A link to a record the release links to already changes ' +
      "that link's relation; the same link again is BAD_USER_INPUT. ADMIN, EDITOR; a COORDINATOR for the releases it created.",
  })
  linkRelease(
    @CurrentActor() actor: Actor,
    @Args('releaseId', { type: () => ID }, UuidPipe) releaseId: string,
    @Args('link') link: ReleaseLinkInput,
    @Context() { loaders }: RequestContext,
  ) {
    return this.service.link(actor, releaseId, link, loaders);
  }

  @Mutation(() => Release, {
    description:
      'Removes the link of a release to a record and raises its version; the audit trail keeps the link. A record it does not link to is NOT_FOUND naming entityId. ' +
      'ADMIN, EDITOR; a COORDINATOR for the releases it created.',
  })
  unlinkRelease(
    @CurrentActor() actor: Actor,
    @Args('releaseId', { type: () => ID, description: 'The release.' }, UuidPipe) releaseId: string,
    @Args('entityId', { type: () => ID, description: 'The record it should no longer link to.' }, UuidPipe) entityId: string,
    @Args('expectedVersion', { type: () => Int, description: "The release's version you read (CONFLICT when it moved on)." })
    expectedVersion: number,
  ) {
    return this.service.unlink(actor, releaseId, entityId, expectedVersion);
  }

  @Mutation(() => Release, {
    description:
      'Corrects a release: title, day, publisher, URL, text; quotes, when given, replace the old ones entirely, in the order given. ' +
      'An unknown publisher or quoted person is NOT_FOUND naming it (e.g. quotes[1].personId), and nothing is written. ' +
      'ADMIN, EDITOR; a COORDINATOR for the releases it created.',
  })
  updateRelease(@CurrentActor() actor: Actor, @Args('input') input: UpdateReleaseInput, @Context() { loaders }: RequestContext) {
    return this.service.update(actor, input, loaders);
  }

  @Mutation(() => Release, {
    description:
      "Archives a release recorded by mistake: it leaves the releases list and every record's sources until restored; nothing is deleted. " +
      'ADMIN, EDITOR; a COORDINATOR for the releases it created.',
  })
  archiveRelease(@CurrentActor() actor: Actor, @Args() { id, expectedVersion }: VersionedRecordArgs) {
    return this.service.archive(actor, id, expectedVersion);
  }

  @Mutation(() => Release, {
    description: 'Brings an archived release back. ADMIN, EDITOR; a COORDINATOR for the releases it created.',
  })
  restoreRelease(@CurrentActor() actor: Actor, @Args() { id, expectedVersion }: VersionedRecordArgs) {
    return this.service.restore(actor, id, expectedVersion);
  }

  @ResolveField(() => [ReleaseLink], { description: 'The records it announces or mentions, in the order given.' })
  @Prefetchable(LINKS)
  links(release: Release, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(LINKS, release, args, context, info);
  }

  @ResolveField(() => [Quote], { description: 'The people it quotes, in the order given.' })
  @Prefetchable(QUOTES)
  quotes(release: Release, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(QUOTES, release, args, context, info);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The organisation that published it.' })
  @Prefetchable(PUBLISHER)
  publisher(release: Release, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(PUBLISHER, release, args, context, info);
  }
}
