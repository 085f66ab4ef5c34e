import { Args, ID, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/roles.decorator';
import { type CurrentArgs, FieldArg } from '../../graphql/field-arg.decorator';
import { Connection, PageArgs, toConnection } from '../../graphql/pagination';
import { AsOf } from '../../graphql/point-in-time';
import { Prefetchable } from '../../graphql/prefetch';
import type { RequestContext } from '../../graphql/request-context';
import { related } from '../../graphql/relations';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { VersionedRecordArgs } from '../../graphql/versioned-change.input';
import { displayName } from './display-name';
import { AssignRoleInput, CreatePersonInput, EndRoleInput, PersonFilter, UpdatePersonInput, UpdateRoleInput } from './dto/people.inputs';
import { ROLES_OF_PERSON } from './people.loader';
import { PeopleService } from './people.service';
import { Person } from './person.model';
import { Role } from './role.model';

@ObjectType()
export class PersonConnection extends Connection(Person, 'A page of people.') {}

@Resolver(() => Person)
export class PeopleResolver {
  constructor(private readonly service: PeopleService) {}

  @Query(() => Person, { nullable: true, description: 'One person by id, archived or not; null when none has it.' })
  person(@Args('id', { type: () => ID }, UuidPipe) id: string, @AsOf() _day: string) {
    return this.service.find(id);
  }

  @Query(() => PersonConnection, {
    description:
      'People by family name, then given name (German order), filtered and paginated; archived people only with includeArchived.',
  })
  async people(
    @Args() page: PageArgs,
    @AsOf() _day: string,
    @Args('filter', { type: () => PersonFilter, nullable: true }) filter?: PersonFilter,
  ) {
    return toConnection(await this.service.list(filter, page));
  }

  @Mutation(() => Person, { description: 'Records a person. ADMIN, EDITOR, COORDINATOR.' })
  createPerson(@CurrentActor() actor: Actor, @Args('input') input: CreatePersonInput) {
    return this.service.createPerson(actor, input);
  }

  @Mutation(() => Person, {
    description:
      "Corrects the spelling of a person's name (displayName follows); the old spelling stays in the audit trail. " +
      'ADMIN, EDITOR; a COORDINATOR for its own people (created by it, or whose every current role is at one of its own organisations; see README, who may write what).',
  })
  updatePerson(@CurrentActor() actor: Actor, @Args('input') input: UpdatePersonInput) {
    return this.service.updatePerson(actor, input);
  }

  @Mutation(() => Person, {
    description:
      'Archives a person recorded by mistake: they leave the people list, meeting participants and organisation roles until restored; nothing is deleted. ' +
      'ADMIN, EDITOR; a COORDINATOR as for updatePerson.',
  })
  archivePerson(@CurrentActor() actor: Actor, @Args() { id, expectedVersion }: VersionedRecordArgs) {
    return this.service.archivePerson(actor, id, expectedVersion);
  }

  @Mutation(() => Person, { description: 'Brings an archived person back into lists. ADMIN, EDITOR; a COORDINATOR as for updatePerson.' })
  restorePerson(@CurrentActor() actor: Actor, @Args() { id, expectedVersion }: VersionedRecordArgs) {
    return this.service.restorePerson(actor, id, expectedVersion);
  }

  @Mutation(() => Role, {
    description:
      'Gives a person a role at an organisation. ADMIN, EDITOR; a COORDINATOR at its own organisations (as for updateOrganisation).',
  })
  assignRole(@CurrentActor() actor: Actor, @Args('input') input: AssignRoleInput) {
    return this.service.assignRole(actor, input);
  }

  @Mutation(() => Role, {
    description:
      'Ends a role; it is kept with its period. ADMIN, EDITOR; a COORDINATOR at its own organisations (as for updateOrganisation).',
  })
  endRole(@CurrentActor() actor: Actor, @Args('input') input: EndRoleInput) {
    return this.service.endRole(actor, input);
  }

  @Mutation(() => Role, {
    description:
      'Corrects a role recorded wrongly (title, validFrom, validTo) in place; the old values stay in the audit trail. ' +
      'ADMIN, EDITOR; a COORDINATOR at its own organisations (as for updateOrganisation).',
  })
  updateRole(@CurrentActor() actor: Actor, @Args('input') input: UpdateRoleInput) {
    return this.service.updateRole(actor, input);
  }

  @ResolveField(() => String, { description: 'Prefix, given and family name, e.g. "Dr. Andreas Schumm".' })
  displayName(person: Person) {
    return displayName(person);
  }

  @ResolveField(() => [Role], {
    description:
      "The person's positions, oldest first; current: true for those held on the day asked, false for the others. Kept whole while the person is archived.",
  })
  @Prefetchable(ROLES_OF_PERSON)
  roles(
    person: Person,
    @FieldArg('current', { type: () => Boolean, nullable: true }) args: CurrentArgs,
    context: RequestContext,
    info: GraphQLResolveInfo,
  ) {
    return related(ROLES_OF_PERSON, person, args, context, info);
  }
}
