import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import type { Actor } from '../../auth/actor';
import type { Snapshot } from '../../database/audit-log';
import { assertMay, createdBy, Operation } from '../../auth/policy';
import { badInput, DomainError } from '../../common/domain-error';
import { today } from '../../common/dates';
import { keysetPage, Page } from '../../database/keyset-page';
import { PlainRows } from '../../database/plain-rows';
import { likeLiteral } from '../../database/text-search';
import { archiveVersioned, insertAudited, restoreVersioned, VersionedWrite, writeVersioned } from '../../database/versioned-write';
import { currentMembershipSql } from '../../database/current-membership';
import {
  CorrectOrganisationNameInput,
  CreateOrganisationInput,
  OrganisationFilter,
  RenameOrganisationInput,
  UpdateOrganisationInput,
} from './dto/organisation.inputs';
import { OrganisationNameEntity } from './organisation-name.entity';
import { nameOnSql, LOCK_NAME_SQL, NAME_TAKEN_SQL, nameOn, organisationMatchesSql } from '../../database/organisation-names';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationKind } from './organisation.enums';

/** A name of an organisation with its half-open period. */
export interface NamePeriod {
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

/** The part of a versioned write that every write of an organisation shares: which record, and who may write it. */
type OrganisationWrite = Omit<VersionedWrite<OrganisationEntity>, 'action' | 'change'>;

type OrganisationOperation = Extract<
  Operation,
  'updateOrganisation' | 'renameOrganisation' | 'correctOrganisationName' | 'archiveOrganisation' | 'restoreOrganisation'
>;

/**
 * Organisations and their names. Every answer carries the name in force on the day asked (a
 * write's: today in Europe/Berlin): reads compute it in SQL (organisation.entity.ts), writes with
 * nameOn from the rows they wrote.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    private readonly rows: PlainRows,
  ) {}

  /** One organisation with its name of `day`. */
  async find(id: string, day: string): Promise<OrganisationEntity | null> {
    const [organisation] = await this.rows.byKeys(OrganisationEntity, 'id', [id], day);
    return organisation ?? null;
  }

  /** Ordered and paged by the name in force on `day`; allianceId keeps the members of that day; search finds any name ever. */
  list(filter: OrganisationFilter = {}, page: { first: number; after?: string }, day: string): Promise<Page<OrganisationEntity>> {
    const name = nameOnSql('o', ':day');
    const query = this.organisations.createQueryBuilder('o').setParameter('day', day);
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
        `o.id IN (SELECT m.organisation_id FROM membership m WHERE m.alliance_id = :allianceId AND ${currentMembershipSql('m', ':day')})`,
        { allianceId: filter.allianceId },
      );
    }
    if (filter.search) query.andWhere(organisationMatchesSql('o.id', 'search', ':day'), { search: likeLiteral(filter.search) });
    return keysetPage(query, page, { expression: name, property: 'name', valueOf: (o) => o.name, direction: 'ASC', german: true }, day);
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
    return this.dataSource.transaction(async (manager) => {
      await assertMay(manager, actor, 'createOrganisation');
      return this.createWith(manager, actor, input);
    });
  }

  /** create, in the caller's transaction: importRelease creates organisations together with the release. */
  async createWith(manager: EntityManager, actor: Actor, input: CreateOrganisationInput): Promise<OrganisationEntity> {
    await this.assertNameFree(manager, input.name, null, input.allowDuplicateName);
    const organisation = await insertAudited(manager, actor, {
      entity: OrganisationEntity,
      entityType: 'Organisation',
      action: 'createOrganisation',
      values: {
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        regionId: input.regionId ?? null,
        website: input.website ?? null,
        createdBy: createdBy(actor),
      },
      audited: duplicateAllowed(input),
    });
    // The first name has no start: it is in force on every day before the first rename.
    await manager.insert(OrganisationNameEntity, { organisationId: organisation.id, name: input.name, validFrom: null, validTo: null });
    return organisation;
  }

  update(actor: Actor, input: UpdateOrganisationInput): Promise<OrganisationEntity> {
    return this.write((manager) => this.applyUpdate(manager, actor, input));
  }

  /**
   * updateOrganisation's write on the caller's transaction: update() above, and an accepted change
   * proposal. `audited` joins the audit event's changes as [null, value] (the proposal's proposer and id).
   */
  applyUpdate(manager: EntityManager, actor: Actor, input: UpdateOrganisationInput, audited: Snapshot = {}): Promise<OrganisationEntity> {
    return writeVersioned(manager, actor, {
      ...this.target(manager, actor, 'updateOrganisation', input.id, input.expectedVersion),
      action: 'updateOrganisation',
      change: (organisation) => {
        if (input.shortName !== undefined) organisation.shortName = input.shortName;
        if (input.kind !== undefined) organisation.kind = input.kind;
        if (input.regionId !== undefined) organisation.regionId = input.regionId;
        if (input.website !== undefined) organisation.website = input.website;
        return { before: {}, after: audited };
      },
    });
  }

  /**
   * A change in the world: the latest name ends on validFrom and the new one begins, kept in
   * nameHistory from now on and answered as `name` from that day. The name it follows is the
   * latest known one, also when that is a rename still to come: validFrom must then be after that
   * one's start too, so a pending rename is followed, never silently replaced or cut short.
   */
  rename(actor: Actor, input: RenameOrganisationInput): Promise<OrganisationEntity> {
    return this.write((manager) => this.applyRename(manager, actor, input));
  }

  /** renameOrganisation's write on the caller's transaction; `audited` as for applyUpdate. */
  applyRename(manager: EntityManager, actor: Actor, input: RenameOrganisationInput, audited: Snapshot = {}): Promise<OrganisationEntity> {
    return writeVersioned(manager, actor, {
      ...this.target(manager, actor, 'renameOrganisation', input.id, input.expectedVersion),
      action: 'renameOrganisation',
      change: async (organisation) => {
        // The organisation's row lock, held since writeVersioned read it, serialises the writes of its names.
        const latest = await manager.findOneByOrFail(OrganisationNameEntity, { organisationId: organisation.id, validTo: IsNull() });
        if (input.name === latest.name) throw badInput('name', 'The organisation has this name already');
        if (latest.validFrom !== null && input.validFrom <= latest.validFrom) {
          throw badInput('validFrom', `validFrom must be after ${latest.validFrom}, the day the name "${latest.name}" begins`);
        }
        await this.assertNameFree(manager, input.name, organisation.id, input.allowDuplicateName);
        await manager.update(OrganisationNameEntity, { id: latest.id }, { validTo: input.validFrom });
        await manager.insert(OrganisationNameEntity, {
          organisationId: organisation.id,
          name: input.name,
          validFrom: input.validFrom,
          validTo: null,
        });
        organisation.name = input.name;
        return {
          before: { validFrom: latest.validFrom },
          after: { validFrom: input.validFrom, ...duplicateAllowed(input), ...audited },
        };
      },
    });
  }

  /**
   * A correction of a mistake: the name in force today is respelled in place, with no new entry
   * in nameHistory; only the audit trail keeps the old spelling. A rename still to come is left
   * as it is.
   */
  correctName(actor: Actor, input: CorrectOrganisationNameInput): Promise<OrganisationEntity> {
    return this.write(async (manager) =>
      writeVersioned(manager, actor, {
        ...this.target(manager, actor, 'correctOrganisationName', input.id, input.expectedVersion),
        action: 'correctOrganisationName',
        change: async (organisation) => {
          const current = await this.nameOfToday(manager, organisation.id);
          if (input.name === current.name) throw badInput('name', 'The name is written like this already');
          await this.assertNameFree(manager, input.name, organisation.id, input.allowDuplicateName);
          await manager.update(OrganisationNameEntity, { id: current.id }, { name: input.name });
          // Today's name is also the latest known one unless a rename is still to come.
          if (current.validTo === null) organisation.name = input.name;
          return { before: { name: current.name }, after: { name: input.name, ...duplicateAllowed(input) } };
        },
      }),
    );
  }

  archive(actor: Actor, id: string, expectedVersion: number): Promise<OrganisationEntity> {
    return this.write(async (manager) =>
      archiveVersioned(manager, actor, this.target(manager, actor, 'archiveOrganisation', id, expectedVersion)),
    );
  }

  /**
   * An archived organisation is no current member anywhere, so among coordinators only the one
   * that created it may restore it (auth/policy.ts). While it was archived, another organisation
   * may have taken one of its names (archived ones do not count): restoring it is then CONFLICT
   * naming that one, as creating or renaming would be, unless the caller allows the duplicate.
   */
  restore(actor: Actor, id: string, expectedVersion: number, allowDuplicateName = false): Promise<OrganisationEntity> {
    return this.write(async (manager) => {
      const target = this.target(manager, actor, 'restoreOrganisation', id, expectedVersion);
      return restoreVersioned(manager, actor, {
        ...target,
        check: async (organisation) => {
          await target.check?.(organisation);
          if (!organisation.archivedAt) return;
          for (const { name } of await manager.findBy(OrganisationNameEntity, { organisationId: id }))
            await this.assertNameFree(manager, name, id, allowDuplicateName);
        },
      });
    });
  }

  /** One write in its own transaction, answered, like every read, with the name in force today. */
  private write(work: (manager: EntityManager) => Promise<OrganisationEntity>): Promise<OrganisationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await work(manager);
      organisation.name = (await this.nameOfToday(manager, organisation.id)).name;
      return organisation;
    });
  }

  /**
   * The record a write locks, and the policy asked on it inside the transaction. An unknown id is
   * NOT_FOUND before it is anyone's to write.
   */
  private target(
    manager: EntityManager,
    actor: Actor,
    operation: OrganisationOperation,
    id: string,
    expectedVersion: number,
  ): OrganisationWrite {
    return {
      entity: OrganisationEntity,
      entityType: 'Organisation',
      id,
      expectedVersion,
      check: () => assertMay(manager, actor, operation, { organisationId: id }),
    };
  }

  /** The organisation_name row in force today; every organisation has one, from its creation on. */
  private async nameOfToday(manager: EntityManager, organisationId: string): Promise<OrganisationNameEntity> {
    const day = today();
    const name = nameOn(await manager.findBy(OrganisationNameEntity, { organisationId }), day);
    if (!name) throw new Error(`Organisation ${organisationId} has no name in force on ${day}`);
    return name;
  }

  /**
   * CONFLICT naming the other organisation when one that is not archived has, had or will have
   * this name (ignoring case and runs of spaces), unless the caller allows the duplicate. The
   * name's lock is taken either way, so a writer that does not allow duplicates never misses one
   * that a concurrent writer is recording. Renames and corrections take allowDuplicateName as
   * creation does (the contract names it for creation only): a name does pass from one body to
   * another when ministries are reorganised, and a name recorded as a deliberate duplicate must
   * stay renamable and correctable.
   */
  private async assertNameFree(manager: EntityManager, name: string, self: string | null, allowDuplicate?: boolean): Promise<void> {
    await manager.query(LOCK_NAME_SQL, [name]);
    if (allowDuplicate) return;
    const [other]: { id: string }[] = await manager.query(NAME_TAKEN_SQL, [name, self]);
    if (!other) return;
    const message = `Organisation ${other.id} has or had this name; send allowDuplicateName: true to record it all the same`;
    throw new DomainError('CONFLICT', message, { existingId: other.id, fields: [{ field: 'name', message }] });
  }
}

/** What the audit trail shows when a name was recorded although another organisation has it. */
const duplicateAllowed = (input: { allowDuplicateName?: boolean }) => (input.allowDuplicateName ? { allowDuplicateName: true } : {});
