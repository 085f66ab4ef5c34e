import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMayWriteAround, assertMinistry } from '../../auth/coordinator-scope';
import { AuditService } from '../../audit/audit.service';
import { badInput } from '../../common/domain-error';
import { keysetPage, Page } from '../../database/keyset-page';
import { likeLiteral, nameContains } from '../../database/text-search';
import { lockForUpdate } from '../../database/versioned-write';
import { AllianceEntity } from './alliance.entity';
import { AllianceFilter, CreateAllianceInput, UpdateAllianceInput } from './dto/alliance.inputs';

@Injectable()
export class AlliancesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AllianceEntity) private readonly alliances: Repository<AllianceEntity>,
    private readonly audit: AuditService,
  ) {}

  find(id: string): Promise<AllianceEntity | null> {
    return this.alliances.findOneBy({ id });
  }

  list(filter: AllianceFilter = {}, page: { first: number; after?: string }): Promise<Page<AllianceEntity>> {
    const query = this.alliances.createQueryBuilder('a');
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
    if (filter.search) query.andWhere(nameContains('a.name', 'search'), { search: likeLiteral(filter.search) });
    return keysetPage(query, page, { expression: 'a.name', valueOf: (a) => a.name, direction: 'ASC', german: true });
  }

  async create(actor: Actor, input: CreateAllianceInput): Promise<AllianceEntity> {
    assertMinistry(actor, 'create alliances');
    return this.dataSource.transaction(async (manager) => {
      const alliance = await manager.save(
        manager.create(AllianceEntity, {
          name: input.name,
          level: input.level,
          regionId: input.regionId,
          foundedOn: input.foundedOn ?? null,
          description: input.description ?? null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'createAlliance',
        entityType: 'Alliance',
        entityId: alliance.id,
        before: null,
        after: { ...alliance },
      });
      return alliance;
    });
  }

  async update(actor: Actor, input: UpdateAllianceInput): Promise<AllianceEntity> {
    assertMayWriteAround(actor, [input.id], 'this alliance');
    return this.dataSource.transaction(async (manager) => {
      const alliance = await lockForUpdate(manager, AllianceEntity, 'Alliance', input.id, input.expectedVersion);
      const before = { ...alliance };
      if (input.name !== undefined) alliance.name = input.name;
      if (input.status !== undefined) alliance.status = input.status;
      if (input.foundedOn !== undefined) alliance.foundedOn = input.foundedOn;
      if (input.description !== undefined) alliance.description = input.description;
      alliance.version += 1;
      const saved = await manager.save(alliance);
      await this.audit.record(manager, actor, {
        action: 'updateAlliance',
        entityType: 'Alliance',
        entityId: alliance.id,
        before,
        after: { ...saved },
      });
      return saved;
    });
  }

  async archive(actor: Actor, id: string, expectedVersion: number): Promise<AllianceEntity> {
    assertMayWriteAround(actor, [id], 'this alliance');
    return this.dataSource.transaction(async (manager) => {
      const alliance = await lockForUpdate(manager, AllianceEntity, 'Alliance', id, expectedVersion);
      if (alliance.archivedAt) throw badInput('id', 'The alliance is archived already');
      const before = { ...alliance };
      alliance.archivedAt = new Date();
      alliance.version += 1;
      const saved = await manager.save(alliance);
      await this.audit.record(manager, actor, {
        action: 'archiveAlliance',
        entityType: 'Alliance',
        entityId: id,
        before,
        after: { ...saved },
      });
      return saved;
    });
  }
}
