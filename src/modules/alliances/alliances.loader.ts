import { ByIdOptions, Relation, rowById } from '../../database/relation';
import { AllianceEntity } from './alliance.entity';
import { CURRENT_MEMBERSHIP, listedMembershipSql } from '../../database/current-membership';
import { MembershipEntity } from './membership.entity';

/**
 * What relations to alliances and memberships read, declared once (database/relation.ts): the
 * loaders' statements and the SQL projection are both built from these.
 */

/** The alliance whose id a record's `parentKey` holds; `anyDay` for a field that names it whatever the day. */
export const allianceOf = (parentKey: string, options: ByIdOptions = {}): Relation<AllianceEntity> =>
  rowById(AllianceEntity, parentKey, options);

/** The alliances (not archived) that work for a region itself, by name. */
export const ALLIANCES_OF_REGION: Relation<AllianceEntity> = {
  entity: AllianceEntity,
  parentKey: 'id',
  by: 'region_id',
  many: true,
  where: (a) => `${a}.archived_at IS NULL`,
  orderBy: (a) => `${a}.name ASC, ${a}.id ASC`,
};

/** A membership as the loaders read it: with whether its organisation is archived (see isCurrentMembership). */
export interface MembershipRow extends MembershipEntity {
  organisationArchived: boolean;
}

/** Leads first, then by the day they joined: the order members are listed in. */
export const MEMBERSHIP_ORDER = (m: string) => `${m}.role ASC, ${m}.joined_on ASC NULLS FIRST, ${m}.id ASC`;

/** The listed memberships whose `column` holds the parent's id; `current` by CURRENT_MEMBERSHIP. */
const membershipsBy = (column: 'alliance_id' | 'organisation_id'): Relation<MembershipEntity> => ({
  entity: MembershipEntity,
  parentKey: 'id',
  by: column,
  many: true,
  where: listedMembershipSql,
  orderBy: MEMBERSHIP_ORDER,
  current: CURRENT_MEMBERSHIP,
});

export const MEMBERSHIPS_OF_ALLIANCE = membershipsBy('alliance_id');
export const MEMBERSHIPS_OF_ORGANISATION = membershipsBy('organisation_id');
