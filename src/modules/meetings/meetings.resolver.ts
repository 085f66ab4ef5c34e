import { Args, ID, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/roles.decorator';
import { Connection, PageArgs, toConnection } from '../../graphql/pagination';
import { AsOf } from '../../graphql/point-in-time';
import { Prefetchable } from '../../graphql/prefetch';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { related } from '../../graphql/relations';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { VersionedRecordArgs } from '../../graphql/versioned-change.input';
import { Person } from '../people/person.model';
import { MeetingFilter, RecordMeetingInput, UpdateMeetingInput } from './dto/meeting.inputs';
import { Meeting } from './meeting.model';
import { PARTICIPANTS } from './meetings.loader';
import { MeetingsService } from './meetings.service';

@ObjectType()
export class MeetingConnection extends Connection(Meeting, 'A page of meetings.') {}

@Resolver(() => Meeting)
export class MeetingsResolver {
  constructor(private readonly service: MeetingsService) {}

  @Query(() => Meeting, { nullable: true, description: 'One meeting by id, archived or not, whatever its day; null when none has it.' })
  meeting(@Args('id', { type: () => ID }, UuidPipe) id: string, @AsOf() _day: string) {
    return this.service.find(id);
  }

  @Query(() => MeetingConnection, {
    description:
      'Meetings held (or planned) by the day asked, latest first, filtered and paginated; archived meetings only with includeArchived.',
  })
  async meetings(
    @Args() page: PageArgs,
    @AsOf() day: string,
    @Args('filter', { type: () => MeetingFilter, nullable: true }) filter?: MeetingFilter,
  ) {
    return toConnection(await this.service.list(filter, page, day));
  }

  @Mutation(() => Meeting, {
    description:
      'Records a meeting under an agreement and/or of an alliance; a HELD one on a day after today is BAD_USER_INPUT naming heldOn (it is PLANNED). ' +
      'ADMIN, EDITOR; a COORDINATOR for meetings of its alliances (one naming no alliance: under an agreement all of whose parties are its alliances).',
  })
  recordMeeting(@CurrentActor() actor: Actor, @Args('input') input: RecordMeetingInput) {
    return this.service.record(actor, input);
  }

  @Mutation(() => Meeting, {
    description:
      "Changes a meeting's status, day, place, participants or outcome; making it HELD on a day after today is BAD_USER_INPUT naming heldOn, or status when only the status changes. " +
      'ADMIN, EDITOR; a COORDINATOR for meetings of its alliances (one naming no alliance: under an agreement all of whose parties are its alliances).',
  })
  updateMeeting(@CurrentActor() actor: Actor, @Args('input') input: UpdateMeetingInput) {
    return this.service.update(actor, input);
  }

  @Mutation(() => Meeting, {
    description:
      'Archives a meeting recorded by mistake: it leaves the meetings list and the meetings of its alliance and agreement, and fulfils no commitment, until restored; nothing is deleted. ' +
      'ADMIN, EDITOR; a COORDINATOR for meetings of its alliances (one naming no alliance: under an agreement all of whose parties are its alliances).',
  })
  archiveMeeting(@CurrentActor() actor: Actor, @Args() { id, expectedVersion }: VersionedRecordArgs) {
    return this.service.archive(actor, id, expectedVersion);
  }

  @Mutation(() => Meeting, {
    description:
      'Brings an archived meeting back. ADMIN, EDITOR; a COORDINATOR for meetings of its alliances (one naming no alliance: under an agreement all of whose parties are its alliances).',
  })
  restoreMeeting(@CurrentActor() actor: Actor, @Args() { id, expectedVersion }: VersionedRecordArgs) {
    return this.service.restore(actor, id, expectedVersion);
  }

  @ResolveField(() => [Person], { description: 'The people who took part, in the order they were recorded; archived people are left out.' })
  @Prefetchable(PARTICIPANTS)
  participants(meeting: Meeting, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(PARTICIPANTS, meeting, args, context, info);
  }
}
