import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles, WRITERS } from '../../auth/roles.decorator';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { Alliance } from '../alliances/alliance.model';
import { AlliancesLoader } from '../alliances/alliances.loader';
import { Organisation } from '../organisations/organisation.model';
import { OrganisationsLoader } from '../organisations/organisations.loader';
import { Person } from '../people/person.model';
import { PeopleLoader } from '../people/people.loader';
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

/** The registry's records the mentions are matched with, through their modules' loaders. */
@Resolver(() => OrganisationMention)
export class OrganisationMentionResolver {
  constructor(private readonly organisations: OrganisationsLoader) {}

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The organisation matched in the registry; null when it is to be created.',
  })
  organisation(mention: OrganisationMention, _args: NoArgs, { loaders }: RequestContext) {
    return mention.organisationId ? this.organisations.byId(loaders).load(mention.organisationId) : null;
  }
}

@Resolver(() => PersonMention)
export class PersonMentionResolver {
  constructor(
    private readonly people: PeopleLoader,
    private readonly organisations: OrganisationsLoader,
  ) {}

  @ResolveField(() => Person, { nullable: true, description: 'The person matched in the registry, if it knows them.' })
  person(mention: PersonMention, _args: NoArgs, { loaders }: RequestContext) {
    return mention.personId ? this.people.byId(loaders).load(mention.personId) : null;
  }

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The organisation they speak or act for, when the text says ("Präsident der Handwerkskammer …", "IHK-Vizepräsidentin").',
  })
  organisation(mention: PersonMention, _args: NoArgs, { loaders }: RequestContext) {
    return mention.organisationId ? this.organisations.byId(loaders).load(mention.organisationId) : null;
  }
}

@Resolver(() => AllianceMention)
export class AllianceMentionResolver {
  constructor(private readonly alliances: AlliancesLoader) {}

  @ResolveField(() => Alliance, {
    nullable: true,
    description: 'The alliance matched in the registry; null when it knows none of that name.',
  })
  alliance(mention: AllianceMention, _args: NoArgs, { loaders }: RequestContext) {
    return mention.allianceId ? this.alliances.byId(loaders).load(mention.allianceId) : null;
  }
}
