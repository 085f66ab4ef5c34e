import { ResolveField, Resolver } from '@nestjs/graphql';
import { Prefetchable } from '../../graphql/prefetch';
import { rowById } from '../../graphql/sql-projection';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { Alliance } from '../alliances/alliance.model';
import { AlliancesLoader } from '../alliances/alliances.loader';
import { AllianceEntity } from '../alliances/alliance.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { Organisation } from '../organisations/organisation.model';
import { OrganisationsLoader } from '../organisations/organisations.loader';
import { PeopleLoader } from '../people/people.loader';
import { PersonEntity } from '../people/person.entity';
import { Person } from '../people/person.model';
import { Agreement, AgreementParty } from './agreement.model';
import { AgreementEntity } from './agreement.entity';
import { AGREEMENT_ORDER, AgreementsLoader, LISTED_AGREEMENT } from './agreements.loader';

/** Relations between agreements and alliances, organisations and people: a relation between two modules is resolved in the later one. */
@Resolver(() => AgreementParty)
export class AgreementPartyRelationsResolver {
  constructor(
    private readonly alliances: AlliancesLoader,
    private readonly organisations: OrganisationsLoader,
    private readonly people: PeopleLoader,
  ) {}

  @ResolveField(() => Alliance, { description: 'The alliance that is party.' })
  @Prefetchable(rowById(AllianceEntity, 'allianceId'))
  alliance(party: AgreementParty, _args: NoArgs, { loaders }: RequestContext) {
    return this.alliances.byId(loaders).now(party.allianceId);
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The organisation that represented the alliance, e.g. the ministry for the state alliance.',
  })
  @Prefetchable(rowById(OrganisationEntity, 'representedById'))
  representedBy(party: AgreementParty, _args: NoArgs, { loaders }: RequestContext) {
    return party.representedById ? this.organisations.byId(loaders).now(party.representedById) : null;
  }

  @ResolveField(() => Person, { nullable: true, description: 'The person who signed for the alliance.' })
  @Prefetchable(rowById(PersonEntity, 'signatoryId'))
  signatory(party: AgreementParty, _args: NoArgs, { loaders }: RequestContext) {
    return party.signatoryId ? this.people.byId(loaders).now(party.signatoryId) : null;
  }
}

@Resolver(() => Alliance)
export class AllianceAgreementsResolver {
  constructor(private readonly loader: AgreementsLoader) {}

  @ResolveField(() => [Agreement], { description: 'The agreements (not archived) it is party to, newest signed first.' })
  @Prefetchable({
    entity: AgreementEntity,
    parentKey: 'id',
    many: true,
    where: (alliance) => `${LISTED_AGREEMENT} AND id IN (SELECT p.agreement_id FROM agreement_party p WHERE p.alliance_id = ${alliance})`,
    orderBy: AGREEMENT_ORDER,
  })
  agreements(alliance: Alliance, _args: NoArgs, { loaders }: RequestContext) {
    return this.loader.byAlliance(loaders).now(alliance.id);
  }
}
