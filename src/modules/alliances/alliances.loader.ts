import { Injectable } from '@nestjs/common';
import { PlainRows } from '../../database/plain-rows';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { AllianceEntity } from './alliance.entity';
import { MembershipEntity } from './membership.entity';

const BY_ID = Symbol('alliance.byId');
const BY_REGION = Symbol('alliance.byRegion');
const MEMBERSHIP_BY_ID = Symbol('membership.byId');
const MEMBERSHIPS_BY_ALLIANCE = Symbol('membership.byAlliance');
const MEMBERSHIPS_BY_ORGANISATION = Symbol('membership.byOrganisation');

/** Leads first, then by the day they joined: the order members are listed in. */
export const MEMBERSHIP_ORDER = 'role ASC, joined_on ASC NULLS FIRST, id ASC';

/** The columns a membership's period runs between. */
export const MEMBERSHIP_PERIOD = ['joined_on', 'left_on'] as const;

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
    return loaders.get<string, MembershipEntity[]>(MEMBERSHIPS_BY_ALLIANCE, async (allianceIds) =>
      manyByKey(
        allianceIds,
        await this.rows.byKeys(MembershipEntity, 'allianceId', allianceIds, { orderBy: MEMBERSHIP_ORDER }),
        (m) => m.allianceId,
      ),
    );
  }

  membershipsByOrganisation(loaders: RequestLoaders) {
    return loaders.get<string, MembershipEntity[]>(MEMBERSHIPS_BY_ORGANISATION, async (organisationIds) =>
      manyByKey(
        organisationIds,
        await this.rows.byKeys(MembershipEntity, 'organisationId', organisationIds, { orderBy: MEMBERSHIP_ORDER }),
        (m) => m.organisationId,
      ),
    );
  }
}
