import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Prefetchable } from '../../graphql/prefetch';
import { related } from '../../graphql/relations';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { Agreement } from '../agreements/agreement.model';
import { agreementOf } from '../agreements/agreements.loader';
import { Alliance } from '../alliances/alliance.model';
import { allianceOf } from '../alliances/alliances.loader';
import { Meeting } from './meeting.model';
import { MEETINGS_OF_AGREEMENT, MEETINGS_OF_ALLIANCE } from './meetings.loader';

const AGREEMENT = agreementOf('agreementId');
const ALLIANCE = allianceOf('allianceId');

/** Relations between meetings and agreements or alliances: a relation between two modules is resolved in the later one. */
@Resolver(() => Meeting)
export class MeetingRelationsResolver {
  @ResolveField(() => Agreement, { nullable: true, description: 'The agreement it is held under, if any.' })
  @Prefetchable(AGREEMENT)
  agreement(meeting: Meeting, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(AGREEMENT, meeting, args, context, info);
  }

  @ResolveField(() => Alliance, { nullable: true, description: 'The alliance that holds it, if any (and if founded by the day asked).' })
  @Prefetchable(ALLIANCE)
  alliance(meeting: Meeting, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(ALLIANCE, meeting, args, context, info);
  }
}

@Resolver(() => Alliance)
export class AllianceMeetingsResolver {
  @ResolveField(() => [Meeting], {
    description: 'The meetings it holds, oldest first; archived ones, and those after the day asked, are left out.',
  })
  @Prefetchable(MEETINGS_OF_ALLIANCE)
  meetings(alliance: Alliance, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(MEETINGS_OF_ALLIANCE, alliance, args, context, info);
  }
}

@Resolver(() => Agreement)
export class AgreementMeetingsResolver {
  @ResolveField(() => [Meeting], {
    description: 'The meetings held under it, oldest first; archived ones, and those after the day asked, are left out.',
  })
  @Prefetchable(MEETINGS_OF_AGREEMENT)
  meetings(agreement: Agreement, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(MEETINGS_OF_AGREEMENT, agreement, args, context, info);
  }
}
