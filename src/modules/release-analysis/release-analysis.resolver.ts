import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles, WRITERS } from '../../auth/roles.decorator';
import type { GraphQLResolveInfo } from 'graphql';
import { related } from '../../graphql/relations';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { Alliance } from '../alliances/alliance.model';
import { allianceOf } from '../alliances/alliances.loader';
import { Organisation } from '../organisations/organisation.model';
import { organisationOf } from '../organisations/organisations.loader';
import { Person } from '../people/person.model';
import { personOf } from '../people/people.loader';
import { Release } from '../releases/release.model';
import { AnalyseReleaseArgs, ImportReleaseInput } from './dto/release-analysis.inputs';
import { AllianceMention, OrganisationMention, PersonMention, ReleaseAnalysis } from './release-analysis.model';
import { ReleaseAnalysisService } from './release-analysis.service';

@Resolver(() => ReleaseAnalysis)
export class ReleaseAnalysisResolver {
  constructor(private readonly service: ReleaseAnalysisService) {}

  @Query(() => ReleaseAnalysis, {
    description:
      'Reads a press release against the registry and proposes what to record: dates, organisations, people, quotes, alliances, ' +
      'an agreement; writes nothing. ADMIN, EDITOR, COORDINATOR.',
  })
  @Roles(...WRITERS)
  analyseRelease(@Args() { text, publishedOn }: AnalyseReleaseArgs) {
    return this.service.analyse(text, publishedOn ?? null);
  }

  @Mutation(() => Release, {
    description:
      'Records a release with the new organisations and people it names, its links and quotes, in one transaction with an audit event for each record. ' +
      'Links, quotes and the publisher may name the new records ("new:0", "newPerson:0"). A reference to no record is NOT_FOUND naming its field, ' +
      'and nothing is written. ADMIN, EDITOR, COORDINATOR.',
  })
  importRelease(@CurrentActor() actor: Actor, @Args('input') input: ImportReleaseInput, @Context() { loaders }: RequestContext) {
    return this.service.import(actor, input, loaders);
  }
}

/** The registry's records the mentions are matched with, through the relations their modules declare. */
const ORGANISATION = organisationOf('organisationId');
const PERSON = personOf('personId');
const ALLIANCE = allianceOf('allianceId', { anyDay: true });

@Resolver(() => OrganisationMention)
export class OrganisationMentionResolver {
  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The organisation matched in the registry; null when it is to be created.',
  })
  organisation(mention: OrganisationMention, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(ORGANISATION, mention, args, context, info);
  }
}

@Resolver(() => PersonMention)
export class PersonMentionResolver {
  @ResolveField(() => Person, { nullable: true, description: 'The person matched in the registry, if it knows them.' })
  person(mention: PersonMention, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(PERSON, mention, args, context, info);
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The organisation they speak or act for, when the text says ("Präsident der Handwerkskammer …", "IHK-Vizepräsidentin").',
  })
  organisation(mention: PersonMention, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(ORGANISATION, mention, args, context, info);
  }
}

@Resolver(() => AllianceMention)
export class AllianceMentionResolver {
  @ResolveField(() => Alliance, {
    nullable: true,
    description: 'The alliance matched in the registry; null when it knows none of that name.',
  })
  alliance(mention: AllianceMention, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(ALLIANCE, mention, args, context, info);
  }
}
