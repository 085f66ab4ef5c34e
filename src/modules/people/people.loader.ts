import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { PersonEntity } from './person.entity';
import { RoleEntity } from './role.entity';

const BY_ID = Symbol('person.byId');
const ROLE_BY_ID = Symbol('role.byId');
const ROLES_BY_PERSON = Symbol('role.byPerson');
const ROLES_BY_ORGANISATION = Symbol('role.byOrganisation');

/** Oldest first, as a career reads; roles of unknown start lead. */
const ROLE_ORDER = { validFrom: { direction: 'ASC', nulls: 'FIRST' }, title: 'ASC', id: 'ASC' } as const;

@Injectable()
export class PeopleLoader {
  constructor(
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @InjectRepository(RoleEntity) private readonly roles: Repository<RoleEntity>,
  ) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, PersonEntity | null>(BY_ID, async (ids) => oneByKey(ids, await this.people.findBy({ id: In([...ids]) }), (p) => p.id));
  }

  roleById(loaders: RequestLoaders) {
    return loaders.get<string, RoleEntity | null>(ROLE_BY_ID, async (ids) => oneByKey(ids, await this.roles.findBy({ id: In([...ids]) }), (r) => r.id));
  }

  rolesByPerson(loaders: RequestLoaders) {
    return loaders.get<string, RoleEntity[]>(ROLES_BY_PERSON, async (personIds) =>
      manyByKey(personIds, await this.roles.find({ where: { personId: In([...personIds]) }, order: ROLE_ORDER }), (r) => r.personId),
    );
  }

  rolesByOrganisation(loaders: RequestLoaders) {
    return loaders.get<string, RoleEntity[]>(ROLES_BY_ORGANISATION, async (organisationIds) =>
      manyByKey(organisationIds, await this.roles.find({ where: { organisationId: In([...organisationIds]) }, order: ROLE_ORDER }), (r) => r.organisationId),
    );
  }
}
