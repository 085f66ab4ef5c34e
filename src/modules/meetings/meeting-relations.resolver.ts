import { ResolveField, Resolver } from '@nestjs/graphql';
import { Prefetchable } from '../../graphql/prefetch';
import { narrowedBy, rowById, rowsOf } from '../../graphql/sql-projection';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { AgreementEntity } from '../agreements/agreement.entity';
import { Agreement } from '../agreements/agreement.model';
import { AgreementsLoader } from '../agreements/agreements.loader';
import { AllianceEntity } from '../alliances/alliance.entity';
import { Alliance } from '../alliances/alliance.model';
import { AlliancesLoader } from '../alliances/alliances.loader';
import { Meeting } from './meeting.model';
import { MeetingEntity } from './meeting.entity';
import { CHRONOLOGICAL, LISTED_MEETING, MeetingsLoader } from './meetings.loader';

/** Relations between meetings and agreements or alliances: a relation between two modules is resolved in the later one. */
@Resolver(() => Meeting)
export class MeetingRelationsResolver {
  constructor(
    private readonly agreements: AgreementsLoader,
    private readonly alliances: AlliancesLoader,
  ) {}

  @ResolveField(() => Agreement, { nullable: true, description: 'The agreement it is held under, if any.' })
  @Prefetchable(rowById(AgreementEntity, 'agreementId'))
  agreement(meeting: Meeting, _args: NoArgs, { loaders }: RequestContext) {
    return meeting.agreementId ? this.agreements.byId(loaders).now(meeting.agreementId) : null;
  }

  @ResolveField(() => Alliance, { nullable: true, description: 'The alliance that holds it, if any.' })
  @Prefetchable(rowById(AllianceEntity, 'allianceId'))
  alliance(meeting: Meeting, _args: NoArgs, { loaders }: RequestContext) {
    return meeting.allianceId ? this.alliances.byId(loaders).now(meeting.allianceId) : null;
  }
}

@Resolver(() => Alliance)
export class AllianceMeetingsResolver {
  constructor(private readonly loader: MeetingsLoader) {}

  @ResolveField(() => [Meeting], { description: 'The meetings it holds, oldest first; archived ones are left out.' })
  @Prefetchable(narrowedBy(rowsOf(MeetingEntity, 'alliance_id', CHRONOLOGICAL), LISTED_MEETING))
  meetings(alliance: Alliance, _args: NoArgs, { loaders }: RequestContext) {
    return this.loader.byAlliance(loaders).now(alliance.id);
  }
}

@Resolver(() => Agreement)
export class AgreementMeetingsResolver {
  constructor(private readonly loader: MeetingsLoader) {}

  @ResolveField(() => [Meeting], { description: 'The meetings held under it, oldest first; archived ones are left out.' })
  @Prefetchable(narrowedBy(rowsOf(MeetingEntity, 'agreement_id', CHRONOLOGICAL), LISTED_MEETING))
  meetings(agreement: Agreement, _args: NoArgs, { loaders }: RequestContext) {
    return this.loader.byAgreement(loaders).now(agreement.id);
  }
}
