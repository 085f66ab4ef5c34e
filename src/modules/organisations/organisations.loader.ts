import { ByIdOptions, Relation, rowById } from '../../database/relation';
import { OrganisationNameEntity } from './organisation-name.entity';
import { OrganisationEntity } from './organisation.entity';

/**
 * What relations to organisations read, declared once (database/relation.ts): the loaders'
 * statements and the SQL projection are both built from these.
 */

/** The organisation whose id a record's `parentKey` holds, with its name of the day asked. */
export const organisationOf = (parentKey: string, options: ByIdOptions = {}): Relation<OrganisationEntity> =>
  rowById(OrganisationEntity, parentKey, options);

/** Every name of an organisation, oldest first; a name with no start is the oldest. Whole whatever the day: future names included. */
export const NAME_HISTORY: Relation<OrganisationNameEntity> = {
  entity: OrganisationNameEntity,
  parentKey: 'id',
  by: 'organisation_id',
  many: true,
  orderBy: (n) => `${n}.valid_from ASC NULLS FIRST, ${n}.valid_to ASC NULLS LAST, ${n}.id ASC`,
};
