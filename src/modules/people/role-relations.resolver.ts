import { ResolveField, Resolver } from '@nestjs/graphql';
import { currentRoles } from '../../common/dates';
import { type CurrentArgs, FieldArg } from '../../graphql/field-arg.decorator';
import { Prefetchable } from '../../graphql/prefetch';
import { narrowedBy, rowById, rowsOf } from '../../graphql/sql-projection';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { then } from '../../graphql/request-loaders';
import { Organisation } from '../organisations/organisation.model';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { OrganisationsLoader } from '../organisations/organisations.loader';
import { PeopleLoader, ROLE_OF_LISTED_PERSON, ROLE_ORDER, ROLE_PERIOD } from './people.loader';
import { PersonEntity } from './person.entity';
import { RoleEntity } from './role.entity';
import { Person } from './person.model';
import { Role } from './role.model';

/** Relations between roles, people and organisations: a relation between two modules is resolved in the later one. */
@Resolver(() => Role)
export class RoleRelationsResolver {
  constructor(
    private readonly people: PeopleLoader,
    private readonly organisations: OrganisationsLoader,
  ) {}

  @ResolveField(() => Person, { description: 'The person who holds the role.' })
  @Prefetchable(rowById(PersonEntity, 'personId'))
  person(role: Role, _args: NoArgs, { loaders }: RequestContext) {
    return this.people.byId(loaders).now(role.personId);
  }

  @ResolveField(() => Organisation, { description: 'The organisation the person represents in it.' })
  @Prefetchable(rowById(OrganisationEntity, 'organisationId'))
  organisation(role: Role, _args: NoArgs, { loaders }: RequestContext) {
    return this.organisations.byId(loaders).now(role.organisationId);
  }
}

@Resolver(() => Organisation)
export class OrganisationRolesResolver {
  constructor(private readonly people: PeopleLoader) {}

  @ResolveField(() => [Role], {
    description:
      'The people who represent it, oldest role first; current: true for roles held today, false for the others. Roles of archived people are left out.',
  })
  @Prefetchable(narrowedBy(rowsOf(RoleEntity, 'organisation_id', ROLE_ORDER, ROLE_PERIOD), ROLE_OF_LISTED_PERSON))
  roles(
    organisation: Organisation,
    @FieldArg('current', { type: () => Boolean, nullable: true }) { current }: CurrentArgs,
    { loaders }: RequestContext,
  ) {
    return then(this.people.rolesByOrganisation(loaders).now(organisation.id), (roles) => currentRoles(roles, current));
  }
}
