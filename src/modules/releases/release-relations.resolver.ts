import { Type } from '@nestjs/common';
import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Prefetchable } from '../../graphql/prefetch';
import { related } from '../../graphql/relations';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { Agreement } from '../agreements/agreement.model';
import { agreementOf } from '../agreements/agreements.loader';
import { Alliance } from '../alliances/alliance.model';
import { allianceOf } from '../alliances/alliances.loader';
import { Meeting } from '../meetings/meeting.model';
import { meetingOf } from '../meetings/meetings.loader';
import { Organisation } from '../organisations/organisation.model';
import { organisationOf } from '../organisations/organisations.loader';
import { Person } from '../people/person.model';
import { personOf } from '../people/people.loader';
import { LinkedEntityType } from './release.enums';
import { Quote, Release, ReleaseLink } from './release.model';
import { SOURCES } from './releases.loader';

/** `sources` on a record type: releases is the last module, so every relation to a release is resolved here. */
function sourcesResolver(type: Type<{ id: string }>, description: string) {
  @Resolver(() => type)
  class SourcesResolver {
    @ResolveField(() => [Release], { description })
    @Prefetchable(SOURCES)
    sources(record: { id: string }, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
      return related(SOURCES, record, args, context, info);
    }
  }
  return SourcesResolver;
}

export const AllianceSourcesResolver = sourcesResolver(
  Alliance,
  'The releases (not archived, published by the day asked) that announce or mention this alliance, newest first.',
);
export const OrganisationSourcesResolver = sourcesResolver(
  Organisation,
  'The releases (not archived, published by the day asked) that announce or mention this organisation, newest first.',
);
export const PersonSourcesResolver = sourcesResolver(
  Person,
  'The releases (not archived, published by the day asked) that link to or quote this person, newest first.',
);
export const AgreementSourcesResolver = sourcesResolver(
  Agreement,
  'The releases (not archived, published by the day asked) that announce or mention this agreement, newest first.',
);
export const MeetingSourcesResolver = sourcesResolver(
  Meeting,
  'The releases (not archived, published by the day asked) that announce or mention this meeting, newest first.',
);

const QUOTED = personOf('personId');

@Resolver(() => Quote)
export class QuotePersonResolver {
  @ResolveField(() => Person, { description: 'The person quoted.' })
  @Prefetchable(QUOTED)
  person(quote: Quote, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(QUOTED, quote, args, context, info);
  }
}

/** The record a link points to, when it points to one of this type; alliances and meetings only when dated by the day asked. */
const LINKED = {
  alliance: allianceOf('entityId', { when: { property: 'entityType', value: LinkedEntityType.ALLIANCE } }),
  organisation: organisationOf('entityId', { when: { property: 'entityType', value: LinkedEntityType.ORGANISATION } }),
  person: personOf('entityId', { when: { property: 'entityType', value: LinkedEntityType.PERSON } }),
  agreement: agreementOf('entityId', { when: { property: 'entityType', value: LinkedEntityType.AGREEMENT } }),
  meeting: meetingOf('entityId', { when: { property: 'entityType', value: LinkedEntityType.MEETING } }),
};

@Resolver(() => ReleaseLink)
export class ReleaseLinkRecordResolver {
  @ResolveField(() => Alliance, { nullable: true, description: 'The alliance, when the link is to one (founded by the day asked).' })
  @Prefetchable(LINKED.alliance)
  alliance(link: ReleaseLink, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(LINKED.alliance, link, args, context, info);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The organisation, when the link is to one.' })
  @Prefetchable(LINKED.organisation)
  organisation(link: ReleaseLink, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(LINKED.organisation, link, args, context, info);
  }

  @ResolveField(() => Person, { nullable: true, description: 'The person, when the link is to one.' })
  @Prefetchable(LINKED.person)
  person(link: ReleaseLink, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(LINKED.person, link, args, context, info);
  }

  @ResolveField(() => Agreement, { nullable: true, description: 'The agreement, when the link is to one.' })
  @Prefetchable(LINKED.agreement)
  agreement(link: ReleaseLink, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(LINKED.agreement, link, args, context, info);
  }

  @ResolveField(() => Meeting, { nullable: true, description: 'The meeting, when the link is to one (held by the day asked).' })
  @Prefetchable(LINKED.meeting)
  meeting(link: ReleaseLink, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(LINKED.meeting, link, args, context, info);
  }
}
