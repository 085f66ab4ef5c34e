import { Type } from '@nestjs/common';
import { ResolveField, Resolver } from '@nestjs/graphql';
import { Prefetchable } from '../../graphql/prefetch';
import { RelationSql, rowById } from '../../graphql/sql-projection';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import type { RequestLoader } from '../../graphql/request-loaders';
import { AgreementEntity } from '../agreements/agreement.entity';
import { Agreement } from '../agreements/agreement.model';
import { AgreementsLoader } from '../agreements/agreements.loader';
import { AllianceEntity } from '../alliances/alliance.entity';
import { Alliance } from '../alliances/alliance.model';
import { AlliancesLoader } from '../alliances/alliances.loader';
import { MeetingEntity } from '../meetings/meeting.entity';
import { Meeting } from '../meetings/meeting.model';
import { MeetingsLoader } from '../meetings/meetings.loader';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { Organisation } from '../organisations/organisation.model';
import { OrganisationsLoader } from '../organisations/organisations.loader';
import { Person } from '../people/person.model';
import { PeopleLoader } from '../people/people.loader';
import { PersonEntity } from '../people/person.entity';
import { LinkedEntityType } from './release.enums';
import { Quote, Release, ReleaseLink } from './release.model';
import { ReleaseEntity } from './release.entity';
import { RELEASE_ORDER, ReleasesLoader, sourcesOf } from './releases.loader';

/** `sources` on a record type: releases is the last module, so every relation to a release is resolved here. */
function sourcesResolver(type: Type<{ id: string }>, description: string) {
  @Resolver(() => type)
  class SourcesResolver {
    constructor(readonly loader: ReleasesLoader) {}

    @ResolveField(() => [Release], { description })
    @Prefetchable({ entity: ReleaseEntity, parentKey: 'id', many: true, where: sourcesOf, orderBy: RELEASE_ORDER })
    sources(record: { id: string }, _args: NoArgs, { loaders }: RequestContext) {
      return this.loader.sourcesByEntity(loaders).now(record.id);
    }
  }
  return SourcesResolver;
}

export const AllianceSourcesResolver = sourcesResolver(
  Alliance,
  'The releases (not archived) that announce or mention this alliance, newest first.',
);
export const OrganisationSourcesResolver = sourcesResolver(
  Organisation,
  'The releases (not archived) that announce or mention this organisation, newest first.',
);
export const PersonSourcesResolver = sourcesResolver(
  Person,
  'The releases (not archived) that link to or quote this person, newest first.',
);
export const AgreementSourcesResolver = sourcesResolver(
  Agreement,
  'The releases (not archived) that announce or mention this agreement, newest first.',
);
export const MeetingSourcesResolver = sourcesResolver(
  Meeting,
  'The releases (not archived) that announce or mention this meeting, newest first.',
);

@Resolver(() => Quote)
export class QuotePersonResolver {
  constructor(private readonly people: PeopleLoader) {}

  @ResolveField(() => Person, { description: 'The person quoted.' })
  @Prefetchable(rowById(PersonEntity, 'personId'))
  person(quote: Quote, _args: NoArgs, { loaders }: RequestContext) {
    return this.people.byId(loaders).now(quote.personId);
  }
}

@Resolver(() => ReleaseLink)
export class ReleaseLinkRecordResolver {
  constructor(
    private readonly alliances: AlliancesLoader,
    private readonly organisations: OrganisationsLoader,
    private readonly people: PeopleLoader,
    private readonly agreements: AgreementsLoader,
    private readonly meetings: MeetingsLoader,
  ) {}

  @ResolveField(() => Alliance, { nullable: true, description: 'The alliance, when the link is to one.' })
  @Prefetchable(linked(AllianceEntity, LinkedEntityType.ALLIANCE))
  alliance(link: ReleaseLink, _args: NoArgs, { loaders }: RequestContext) {
    return record(link, LinkedEntityType.ALLIANCE, this.alliances.byId(loaders));
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The organisation, when the link is to one.' })
  @Prefetchable(linked(OrganisationEntity, LinkedEntityType.ORGANISATION))
  organisation(link: ReleaseLink, _args: NoArgs, { loaders }: RequestContext) {
    return record(link, LinkedEntityType.ORGANISATION, this.organisations.byId(loaders));
  }

  @ResolveField(() => Person, { nullable: true, description: 'The person, when the link is to one.' })
  @Prefetchable(linked(PersonEntity, LinkedEntityType.PERSON))
  person(link: ReleaseLink, _args: NoArgs, { loaders }: RequestContext) {
    return record(link, LinkedEntityType.PERSON, this.people.byId(loaders));
  }

  @ResolveField(() => Agreement, { nullable: true, description: 'The agreement, when the link is to one.' })
  @Prefetchable(linked(AgreementEntity, LinkedEntityType.AGREEMENT))
  agreement(link: ReleaseLink, _args: NoArgs, { loaders }: RequestContext) {
    return record(link, LinkedEntityType.AGREEMENT, this.agreements.byId(loaders));
  }

  @ResolveField(() => Meeting, { nullable: true, description: 'The meeting, when the link is to one.' })
  @Prefetchable(linked(MeetingEntity, LinkedEntityType.MEETING))
  meeting(link: ReleaseLink, _args: NoArgs, { loaders }: RequestContext) {
    return record(link, LinkedEntityType.MEETING, this.meetings.byId(loaders));
  }
}

/** The record a link points to, when it points to one of this type: what `record` finds, in SQL. */
function linked(entity: RelationSql['entity'], type: LinkedEntityType): RelationSql {
  return { ...rowById(entity, 'entityId'), when: { property: 'entityType', value: type } };
}

function record<T>(link: ReleaseLink, type: LinkedEntityType, byId: RequestLoader<string, T | null>): T | null | Promise<T | null> {
  return link.entityType === type ? byId.now(link.entityId) : null;
}
