import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { AllianceEntity } from './alliance.entity';
import { MembershipEntity } from './membership.entity';

const BY_ID = Symbol('alliance.byId');
const BY_REGION = Symbol('alliance.byRegion');
const MEMBERSHIP_BY_ID = Symbol('membership.byId');
const MEMBERSHIPS_BY_ALLIANCE = Symbol('membership.byAlliance');
const MEMBERSHIPS_BY_ORGANISATION = Symbol('membership.byOrganisation');

/** Leads first, then by the day they joined: the order members are listed in. */
const MEMBERSHIP_ORDER = { role: 'ASC', joinedOn: { direction: 'ASC', nulls: 'FIRST' }, id: 'ASC' } as const;

@Injectable()
export class AlliancesLoader {
  constructor(
    @InjectRepository(AllianceEntity) private readonly alliances: Repository<AllianceEntity>,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
  ) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, AllianceEntity | null>(BY_ID, async (ids) => oneByKey(ids, await this.alliances.findBy({ id: In([...ids]) }), (a) => a.id));
  }

  /** The alliances (not archived) whose region is the given one. */
  byRegion(loaders: RequestLoaders) {
    return loaders.get<string, AllianceEntity[]>(BY_REGION, async (regionIds) =>
      manyByKey(regionIds, await this.alliances.find({ where: { regionId: In([...regionIds]), archivedAt: IsNull() }, order: { name: 'ASC', id: 'ASC' } }), (a) => a.regionId),
    );
  }

  membershipById(loaders: RequestLoaders) {
    return loaders.get<string, MembershipEntity | null>(MEMBERSHIP_BY_ID, async (ids) =>
      oneByKey(ids, await this.memberships.findBy({ id: In([...ids]) }), (m) => m.id),
    );
  }

  membershipsByAlliance(loaders: RequestLoaders) {
    return loaders.get<string, MembershipEntity[]>(MEMBERSHIPS_BY_ALLIANCE, async (allianceIds) =>
      manyByKey(allianceIds, await this.memberships.find({ where: { allianceId: In([...allianceIds]) }, order: MEMBERSHIP_ORDER }), (m) => m.allianceId),
    );
  }

  membershipsByOrganisation(loaders: RequestLoaders) {
    return loaders.get<string, MembershipEntity[]>(MEMBERSHIPS_BY_ORGANISATION, async (organisationIds) =>
      manyByKey(
        organisationIds,
        await this.memberships.find({ where: { organisationId: In([...organisationIds]) }, order: MEMBERSHIP_ORDER }),
        (m) => m.organisationId,
      ),
    );
  }
}
