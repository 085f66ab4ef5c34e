import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMay } from '../../auth/policy';
import { keysetPage, Page } from '../../database/keyset-page';
import { existsOnSql } from '../../database/day-columns';
import { likeLiteral, nameContains } from '../../database/text-search';
import { organisationMatchesSql } from '../../database/organisation-names';
import { archiveVersioned, insertAudited, restoreVersioned, writeVersioned } from '../../database/versioned-write';
import { AllianceEntity } from './alliance.entity';
import { currentMembershipSql } from '../../database/current-membership';
import { AllianceFilter, CreateAllianceInput, UpdateAllianceInput } from './dto/alliance.inputs';

const ALLIANCE = { entity: AllianceEntity, entityType: 'Alliance' };

@Injectable()
export class AlliancesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AllianceEntity) private readonly alliances: Repository<AllianceEntity>,
  ) {}

  find(id: string): Promise<AllianceEntity | null> {
    return this.alliances.findOneBy({ id });
  }

  /** The id and name of every alliance that is not archived: what a press release is read against (release-analysis). */
  namesOfAll(): Promise<{ id: string; name: string }[]> {
    return this.alliances.find({ select: { id: true, name: true }, where: { archivedAt: IsNull() }, order: { name: 'ASC' } });
  }

  /** By name, as of `day`: alliances founded after it are left out. */
  list(filter: AllianceFilter = {}, page: { first: number; after?: string }, day: string): Promise<Page<AllianceEntity>> {
    const query = this.alliances.createQueryBuilder('a').setParameter('day', day);
    query.andWhere(existsOnSql(AllianceEntity, 'a', ':day')!);
    if (!filter.includeArchived) query.andWhere('a.archivedAt IS NULL');
    if (filter.level) query.andWhere('a.level = :level', { level: filter.level });
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.regionId) {
      // The region itself and every region inside it (Land > Region > Kreis).
      query.andWhere(
        `a.regionId IN (WITH RECURSIVE inside(id) AS (SELECT id FROM region WHERE id = :regionId
           UNION ALL SELECT r.id FROM region r JOIN inside ON r.parent_id = inside.id) SELECT id FROM inside)`,
        { regionId: filter.regionId },
      );
    }
    if (filter.search) {
      // Its own name, or any name of an organisation that is its member on the day: the ministry
      // finds the state alliance under every name it has had.
      const member = `EXISTS (SELECT 1 FROM membership m WHERE m.alliance_id = a.id AND ${currentMembershipSql('m', ':day')} AND ${organisationMatchesSql('m.organisation_id', 'search', ':day')})`;
      query.andWhere(`(${nameContains('a.name', 'search')} OR ${member})`, { search: likeLiteral(filter.search) });
    }
    return keysetPage(query, page, { expression: 'a.name', valueOf: (a) => a.name, direction: 'ASC', german: true });
  }

  create(actor: Actor, input: CreateAllianceInput): Promise<AllianceEntity> {
    return this.dataSource.transaction(async (manager) => {
      await assertMay(manager, actor, 'createAlliance');
      return insertAudited(manager, actor, {
        ...ALLIANCE,
        action: 'createAlliance',
        values: {
          name: input.name,
          level: input.level,
          regionId: input.regionId,
          foundedOn: input.foundedOn ?? null,
          description: input.description ?? null,
        },
      });
    });
  }

  /** Level and region are the ministry's to change (the policy's notForOwn): a coordinator may send them unchanged. */
  update(actor: Actor, input: UpdateAllianceInput): Promise<AllianceEntity> {
    return this.dataSource.transaction((manager) =>
      writeVersioned(manager, actor, {
        ...ALLIANCE,
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: 'updateAlliance',
        check: (alliance) => {
          const changed = (['level', 'regionId'] as const).filter(
            (field) => input[field] !== undefined && input[field] !== alliance[field],
          );
          return assertMay(manager, actor, 'updateAlliance', { allianceId: alliance.id }, changed);
        },
        change: (alliance) => {
          if (input.name !== undefined) alliance.name = input.name;
          if (input.level !== undefined) alliance.level = input.level;
          if (input.regionId !== undefined) alliance.regionId = input.regionId;
          if (input.status !== undefined) alliance.status = input.status;
          if (input.foundedOn !== undefined) alliance.foundedOn = input.foundedOn;
          if (input.description !== undefined) alliance.description = input.description;
        },
      }),
    );
  }

  archive(actor: Actor, id: string, expectedVersion: number): Promise<AllianceEntity> {
    return this.dataSource.transaction((manager) =>
      archiveVersioned(manager, actor, {
        ...ALLIANCE,
        id,
        expectedVersion,
        check: (alliance) => assertMay(manager, actor, 'archiveAlliance', { allianceId: alliance.id }),
      }),
    );
  }

  restore(actor: Actor, id: string, expectedVersion: number): Promise<AllianceEntity> {
    return this.dataSource.transaction((manager) =>
      restoreVersioned(manager, actor, {
        ...ALLIANCE,
        id,
        expectedVersion,
        check: (alliance) => assertMay(manager, actor, 'restoreAlliance', { allianceId: alliance.id }),
      }),
    );
  }
}
