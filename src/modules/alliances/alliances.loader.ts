import { Injectable } from '@nestjs/common';
import { PlainRows } from '../../database/plain-rows';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { RelationSql } from '../../graphql/sql-projection';
import { AllianceEntity } from './alliance.entity';
import { currentMembershipSql, listedMembershipSql, organisationArchivedSql } from '../../common/current-membership';
import { MembershipEntity } from './membership.entity';

const BY_ID = Symbol('alliance.byId');
const BY_REGION = Symbol('alliance.byRegion');
const MEMBERSHIP_BY_ID = Symbol('membership.byId');
const MEMBERSHIPS_BY_ALLIANCE = Symbol('membership.byAlliance');
const MEMBERSHIPS_BY_ORGANISATION = Symbol('membership.byOrganisation');

/** A membership as the loaders read it: with whether its organisation is archived (see isCurrentMembership). */
export interface MembershipRow extends MembershipEntity {
  organisationArchived: boolean;
}

/** Leads first, then by the day they joined: the order members are listed in. */
export const MEMBERSHIP_ORDER = 'role ASC, joined_on ASC NULLS FIRST, id ASC';

/**
 * The SQL of a relation to the memberships whose `column` holds the parent's id: the same rows,
 * order and `current` as membershipsByAlliance / membershipsByOrganisation with currentMemberships.
 */
export function membershipsOf(column: 'alliance_id' | 'organisation_id'): RelationSql {
  return {
    entity: MembershipEntity,
    parentKey: 'id',
    many: true,
    where: (key) => `${column} = ${key} AND ${listedMembershipSql('')}`,
    orderBy: MEMBERSHIP_ORDER,
    current: (day) => currentMembershipSql('', day),
  };
}

@Injectable()
export class AlliancesLoader {
  constructor(private readonly rows: PlainRows) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, AllianceEntity | null>(BY_ID, async (ids) =>
      oneByKey(ids, await this.rows.byKeys(AllianceEntity, 'id', ids), (a) => a.id),
    );
  }

  /** The alliances (not archived) whose region is the given one. */
  byRegion(loaders: RequestLoaders) {
    return loaders.get<string, AllianceEntity[]>(BY_REGION, async (regionIds) =>
      manyByKey(
        regionIds,
        await this.rows.byKeys(AllianceEntity, 'regionId', regionIds, { where: 'archived_at IS NULL', orderBy: 'name ASC, id ASC' }),
        (a) => a.regionId,
      ),
    );
  }

  membershipById(loaders: RequestLoaders) {
    return loaders.get<string, MembershipEntity | null>(MEMBERSHIP_BY_ID, async (ids) =>
      oneByKey(ids, await this.rows.byKeys(MembershipEntity, 'id', ids), (m) => m.id),
    );
  }

  membershipsByAlliance(loaders: RequestLoaders) {
    return loaders.get<string, MembershipRow[]>(MEMBERSHIPS_BY_ALLIANCE, async (allianceIds) =>
      manyByKey(allianceIds, await this.membershipRows('allianceId', allianceIds), (m) => m.allianceId),
    );
  }

  membershipsByOrganisation(loaders: RequestLoaders) {
    return loaders.get<string, MembershipRow[]>(MEMBERSHIPS_BY_ORGANISATION, async (organisationIds) =>
      manyByKey(organisationIds, await this.membershipRows('organisationId', organisationIds), (m) => m.organisationId),
    );
  }

  /** The listed memberships of the keys, in MEMBERSHIP_ORDER, each with what isCurrentMembership needs to know. */
  private membershipRows(keyProperty: 'allianceId' | 'organisationId', keys: readonly string[]): Promise<MembershipRow[]> {
    return this.rows.byKeys<MembershipEntity, Pick<MembershipRow, 'organisationArchived'>>(MembershipEntity, keyProperty, keys, {
      where: listedMembershipSql('t.'),
      orderBy: MEMBERSHIP_ORDER,
      computed: { organisationArchived: organisationArchivedSql('t.') },
    });
  }
}
