import { Injectable } from '@nestjs/common';
import { PlainRows } from '../../database/plain-rows';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { PersonEntity } from './person.entity';
import { RoleEntity } from './role.entity';

const BY_ID = Symbol('person.byId');
const ROLE_BY_ID = Symbol('role.byId');
const ROLES_BY_PERSON = Symbol('role.byPerson');
const ROLES_BY_ORGANISATION = Symbol('role.byOrganisation');

/** Oldest first, as a career reads; roles of unknown start lead. */
export const ROLE_ORDER = 'valid_from ASC NULLS FIRST, title ASC, id ASC';

/** The columns a role's validity runs between. */
export const ROLE_PERIOD = ['valid_from', 'valid_to'] as const;

/**
 * The roles an organisation lists: those of people who are not archived, for an archived person
 * leaves every list of people. A person's own roles stay whole: person(id) still answers them.
 * Both the loader and the SQL projection of Organisation.roles filter by this text.
 */
export const ROLE_OF_LISTED_PERSON = 'EXISTS (SELECT 1 FROM person p WHERE p.id = person_id AND p.archived_at IS NULL)';

/** Whether a person appears in lists of people (participants): not archived. The SQL form is ROLE_OF_LISTED_PERSON's condition. */
export const isListed = (person: PersonEntity | null): person is PersonEntity => person !== null && person.archivedAt === null;

@Injectable()
export class PeopleLoader {
  constructor(private readonly rows: PlainRows) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, PersonEntity | null>(BY_ID, async (ids) =>
      oneByKey(ids, await this.rows.byKeys(PersonEntity, 'id', ids), (p) => p.id),
    );
  }

  roleById(loaders: RequestLoaders) {
    return loaders.get<string, RoleEntity | null>(ROLE_BY_ID, async (ids) =>
      oneByKey(ids, await this.rows.byKeys(RoleEntity, 'id', ids), (r) => r.id),
    );
  }

  rolesByPerson(loaders: RequestLoaders) {
    return loaders.get<string, RoleEntity[]>(ROLES_BY_PERSON, async (personIds) =>
      manyByKey(personIds, await this.rows.byKeys(RoleEntity, 'personId', personIds, { orderBy: ROLE_ORDER }), (r) => r.personId),
    );
  }

  /** The roles at each organisation of people who are not archived. */
  rolesByOrganisation(loaders: RequestLoaders) {
    return loaders.get<string, RoleEntity[]>(ROLES_BY_ORGANISATION, async (organisationIds) =>
      manyByKey(
        organisationIds,
        await this.rows.byKeys(RoleEntity, 'organisationId', organisationIds, { where: ROLE_OF_LISTED_PERSON, orderBy: ROLE_ORDER }),
        (r) => r.organisationId,
      ),
    );
  }
}
