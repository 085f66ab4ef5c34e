import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { assertMayWriteAround } from '../../auth/coordinator-scope';
import { AuditService } from '../../audit/audit.service';
import { badInput, notFound } from '../../common/domain-error';
import { today } from '../../common/dates';
import { keysetPage, Page } from '../../database/keyset-page';
import { likeLiteral, nameContains } from '../../database/text-search';
import { lockForUpdate } from '../../database/versioned-write';
import { currentMembershipSql } from '../alliances/current-membership';
import { MembershipsService } from '../alliances/memberships.service';
import { CreateOrganisationInput, OrganisationFilter, RenameOrganisationInput, UpdateOrganisationInput } from './dto/organisation.inputs';
import { OrganisationNameEntity } from './organisation-name.entity';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationKind } from './organisation.enums';

/** A name of an organisation with its half-open period. */
export interface NamePeriod {
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    private readonly memberships: MembershipsService,
    private readonly audit: AuditService,
  ) {}

  find(id: string): Promise<OrganisationEntity | null> {
    return this.organisations.findOneBy({ id });
  }

  list(filter: OrganisationFilter = {}, page: { first: number; after?: string }): Promise<Page<OrganisationEntity>> {
    const query = this.organisations.createQueryBuilder('o');
    if (!filter.includeArchived) query.andWhere('o.archivedAt IS NULL');
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.regionId) {
      // The region itself and every region inside it (Land > Region > Kreis).
      query.andWhere(
        `o.regionId IN (WITH RECURSIVE inside(id) AS (SELECT id FROM region WHERE id = :regionId
           UNION ALL SELECT r.id FROM region r JOIN inside ON r.parent_id = inside.id) SELECT id FROM inside)`,
        { regionId: filter.regionId },
      );
    }
    if (filter.allianceId) {
      query.andWhere(
        `o.id IN (SELECT m.organisation_id FROM membership m WHERE m.alliance_id = :allianceId AND ${currentMembershipSql('m.', ':today')})`,
        { allianceId: filter.allianceId, today: today() },
      );
    }
    if (filter.search) {
      query.andWhere(`(${nameContains('o.name', 'search')} OR ${nameContains('o.shortName', 'search')})`, {
        search: likeLiteral(filter.search),
      });
    }
    return keysetPage(query, page, { expression: 'o.name', valueOf: (o) => o.name, direction: 'ASC', german: true });
  }

  /**
   * Every organisation that is not archived, with every name it has had, has or will have: what a
   * press release is read against (release-analysis), one statement whatever their number.
   */
  async namesOfAll(): Promise<{ id: string; kind: OrganisationKind; shortName: string | null; names: NamePeriod[] }[]> {
    const rows: (NamePeriod & { id: string; kind: OrganisationKind; shortName: string | null })[] = await this.organisations
      .createQueryBuilder('o')
      .innerJoin(OrganisationNameEntity, 'n', 'n.organisationId = o.id')
      .select(['o.id AS id', 'o.kind AS kind', 'o.shortName AS "shortName"'])
      .addSelect(['n.name AS name', 'n.validFrom AS "validFrom"', 'n.validTo AS "validTo"'])
      .where('o.archivedAt IS NULL')
      .orderBy('o.id')
      .addOrderBy('n.validFrom', 'ASC', 'NULLS FIRST')
      .getRawMany();
    const byId = new Map<string, { id: string; kind: OrganisationKind; shortName: string | null; names: NamePeriod[] }>();
    for (const { id, kind, shortName, name, validFrom, validTo } of rows) {
      const organisation = byId.get(id) ?? { id, kind, shortName, names: [] };
      organisation.names.push({ name, validFrom, validTo });
      byId.set(id, organisation);
    }
    return [...byId.values()];
  }

  /** Any writer may create an organisation: a coordinator needs one before it can add it as a member. */
  create(actor: Actor, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    return this.dataSource.transaction((manager) => this.createWith(manager, actor, input));
  }

  /** create, in the caller's transaction: importRelease creates organisations together with the release. */
  async createWith(manager: EntityManager, actor: Actor, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    const organisation = await manager.save(
      manager.create(OrganisationEntity, {
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        regionId: input.regionId ?? null,
        website: input.website ?? null,
      }),
    );
    await manager.save(
      manager.create(OrganisationNameEntity, { organisationId: organisation.id, name: input.name, validFrom: null, validTo: null }),
    );
    await this.audit.record(manager, actor, {
      action: 'createOrganisation',
      entityType: 'Organisation',
      entityId: organisation.id,
      before: null,
      after: { ...organisation },
    });
    return organisation;
  }

  async update(actor: Actor, input: UpdateOrganisationInput): Promise<OrganisationEntity> {
    await this.assertMayChange(actor, input.id);
    return this.dataSource.transaction(async (manager) => {
      const organisation = await lockForUpdate(manager, OrganisationEntity, 'Organisation', input.id, input.expectedVersion);
      const before = { ...organisation };
      if (input.shortName !== undefined) organisation.shortName = input.shortName;
      if (input.kind !== undefined) organisation.kind = input.kind;
      if (input.regionId !== undefined) organisation.regionId = input.regionId;
      if (input.website !== undefined) organisation.website = input.website;
      organisation.version += 1;
      const saved = await manager.save(organisation);
      await this.audit.record(manager, actor, {
        action: 'updateOrganisation',
        entityType: 'Organisation',
        entityId: organisation.id,
        before,
        after: { ...saved },
      });
      return saved;
    });
  }

  async rename(actor: Actor, input: RenameOrganisationInput): Promise<OrganisationEntity> {
    await this.assertMayChange(actor, input.id);
    return this.dataSource.transaction(async (manager) => {
      // The organisation's row lock also serialises concurrent renames of its name history.
      const organisation = await lockForUpdate(manager, OrganisationEntity, 'Organisation', input.id, input.expectedVersion);
      if (input.name === organisation.name) throw badInput('name', 'The organisation has this name already');
      const current = await manager.findOneBy(OrganisationNameEntity, { organisationId: organisation.id, validTo: IsNull() });
      if (current?.validFrom && input.validFrom <= current.validFrom) {
        throw badInput('validFrom', `validFrom must be after ${current.validFrom}, the day the current name began`);
      }
      if (current) {
        current.validTo = input.validFrom;
        await manager.save(current);
      }
      await manager.save(
        manager.create(OrganisationNameEntity, {
          organisationId: organisation.id,
          name: input.name,
          validFrom: input.validFrom,
          validTo: null,
        }),
      );
      const before = { ...organisation };
      organisation.name = input.name;
      organisation.version += 1;
      const saved = await manager.save(organisation);
      await this.audit.record(manager, actor, {
        action: 'renameOrganisation',
        entityType: 'Organisation',
        entityId: organisation.id,
        before,
        after: { ...saved },
      });
      return saved;
    });
  }

  async archive(actor: Actor, id: string, expectedVersion: number): Promise<OrganisationEntity> {
    await this.assertMayChange(actor, id);
    return this.dataSource.transaction(async (manager) => {
      const organisation = await lockForUpdate(manager, OrganisationEntity, 'Organisation', id, expectedVersion);
      if (organisation.archivedAt) throw badInput('id', 'The organisation is archived already');
      const before = { ...organisation };
      organisation.archivedAt = new Date();
      organisation.version += 1;
      const saved = await manager.save(organisation);
      await this.audit.record(manager, actor, {
        action: 'archiveOrganisation',
        entityType: 'Organisation',
        entityId: id,
        before,
        after: { ...saved },
      });
      return saved;
    });
  }

  /** An unknown id is NOT_FOUND before it is anyone's scope; then the coordinator rule of the contract. */
  private async assertMayChange(actor: Actor, id: string): Promise<void> {
    if (!(await this.organisations.existsBy({ id }))) throw notFound('Organisation', id, 'id');
    assertMayWriteAround(actor, await this.memberships.currentAllianceIds([id]), 'this organisation');
  }
}
