import { ByIdOptions, CurrentRule, Relation, rowById } from '../../database/relation';
import { PersonEntity } from './person.entity';
import { RoleEntity } from './role.entity';

/**
 * What relations to people and roles read, declared once (database/relation.ts): the loaders'
 * statements and the SQL projection are both built from these.
 */

/** The person whose id a record's `parentKey` holds. */
export const personOf = (parentKey: string, options: ByIdOptions = {}): Relation<PersonEntity> => rowById(PersonEntity, parentKey, options);

/** Oldest first, as a career reads; roles of unknown start lead. */
const ROLE_ORDER = (r: string) => `${r}.valid_from ASC NULLS FIRST, ${r}.title ASC, ${r}.id ASC`;

/** A role is current while its validity holds. */
export const CURRENT_ROLE: CurrentRule = { period: ['valid_from', 'valid_to'] };

/** A person's roles, kept whole while the person is archived: person(id) still answers them. */
export const ROLES_OF_PERSON: Relation<RoleEntity> = {
  entity: RoleEntity,
  parentKey: 'id',
  by: 'person_id',
  many: true,
  orderBy: ROLE_ORDER,
  current: CURRENT_ROLE,
};

/** The roles at an organisation of people who are not archived: an archived person leaves every list of people. */
export const ROLES_AT_ORGANISATION: Relation<RoleEntity> = {
  ...ROLES_OF_PERSON,
  by: 'organisation_id',
  where: (r) => `EXISTS (SELECT 1 FROM person p WHERE p.id = ${r}.person_id AND p.archived_at IS NULL)`,
};
