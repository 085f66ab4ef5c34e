import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { type CurrentArgs, FieldArg } from '../../graphql/field-arg.decorator';
import { Prefetchable } from '../../graphql/prefetch';
import { related } from '../../graphql/relations';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { Organisation } from '../organisations/organisation.model';
import { organisationOf } from '../organisations/organisations.loader';
import { personOf, ROLES_AT_ORGANISATION } from './people.loader';
import { Person } from './person.model';
import { Role } from './role.model';

const PERSON = personOf('personId');
const ORGANISATION = organisationOf('organisationId');

/** Relations between roles, people and organisations: a relation between two modules is resolved in the later one. */
@Resolver(() => Role)
export class RoleRelationsResolver {
  @ResolveField(() => Person, { description: 'The person who holds the role.' })
  @Prefetchable(PERSON)
  person(role: Role, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(PERSON, role, args, context, info);
  }

  @ResolveField(() => Organisation, { description: 'The organisation the person represents in it.' })
  @Prefetchable(ORGANISATION)
  organisation(role: Role, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(ORGANISATION, role, args, context, info);
  }
}

@Resolver(() => Organisation)
export class OrganisationRolesResolver {
  @ResolveField(() => [Role], {
    description:
      'The people who represent it, oldest role first; current: true for roles held on the day asked, false for the others. Roles of archived people are left out.',
  })
  @Prefetchable(ROLES_AT_ORGANISATION)
  roles(
    organisation: Organisation,
    @FieldArg('current', { type: () => Boolean, nullable: true }) args: CurrentArgs,
    context: RequestContext,
    info: GraphQLResolveInfo,
  ) {
    return related(ROLES_AT_ORGANISATION, organisation, args, context, info);
  }
}
