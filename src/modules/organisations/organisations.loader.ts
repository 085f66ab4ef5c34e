import { ByIdOptions, currentRowsOf, Relation, rowById } from '../../database/relation';
import { MembershipRole } from '../alliances/alliance.enums';
import { MEMBERSHIP_ORDER, MEMBERSHIPS_OF_ALLIANCE } from '../alliances/alliances.loader';
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

/**
 * The organisation that leads an alliance on the day: the member of the first LEAD among its
 * memberships current then, as memberships(current: true) answers them (so the lead cannot mean
 * another "current" than the list of members). The database holds one LEAD a day; were there
 * more, the one who joined first would lead.
 */
export const ALLIANCE_LEAD: Relation<OrganisationEntity> = {
  entity: OrganisationEntity,
  parentKey: 'id',
  by: currentRowsOf(MEMBERSHIPS_OF_ALLIANCE, { row: 'organisation_id', where: (m) => `${m}.role = '${MembershipRole.LEAD}'` }),
  many: false,
  orderBy: (_o, m) => MEMBERSHIP_ORDER(m),
};
