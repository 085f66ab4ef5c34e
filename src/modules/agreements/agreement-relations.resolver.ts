import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Prefetchable } from '../../graphql/prefetch';
import { related } from '../../graphql/relations';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { Alliance } from '../alliances/alliance.model';
import { allianceOf } from '../alliances/alliances.loader';
import { Organisation } from '../organisations/organisation.model';
import { organisationOf } from '../organisations/organisations.loader';
import { personOf } from '../people/people.loader';
import { Person } from '../people/person.model';
import { Agreement, AgreementParty } from './agreement.model';
import { AGREEMENTS_OF_ALLIANCE } from './agreements.loader';

const ALLIANCE = allianceOf('allianceId', { anyDay: true });
const REPRESENTED_BY = organisationOf('representedById');
const SIGNATORY = personOf('signatoryId');

/** Relations between agreements and alliances, organisations and people: a relation between two modules is resolved in the later one. */
@Resolver(() => AgreementParty)
export class AgreementPartyRelationsResolver {
  @ResolveField(() => Alliance, { description: 'The alliance that is party, whatever the day asked: a party always names its alliance.' })
  @Prefetchable(ALLIANCE)
  alliance(party: AgreementParty, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(ALLIANCE, party, args, context, info);
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The organisation that represented the alliance, e.g. the ministry for the state alliance.',
  })
  @Prefetchable(REPRESENTED_BY)
  representedBy(party: AgreementParty, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(REPRESENTED_BY, party, args, context, info);
  }

  @ResolveField(() => Person, { nullable: true, description: 'The person who signed for the alliance.' })
  @Prefetchable(SIGNATORY)
  signatory(party: AgreementParty, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(SIGNATORY, party, args, context, info);
  }
}

@Resolver(() => Alliance)
export class AllianceAgreementsResolver {
  @ResolveField(() => [Agreement], { description: 'The agreements (not archived) it is party to, newest signed first.' })
  @Prefetchable(AGREEMENTS_OF_ALLIANCE)
  agreements(alliance: Alliance, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(AGREEMENTS_OF_ALLIANCE, alliance, args, context, info);
  }
}
