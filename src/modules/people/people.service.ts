import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMayWriteAround } from '../../auth/coordinator-scope';
import type { Snapshot } from '../../audit/audit-log';
import { badInput } from '../../common/domain-error';
import { today } from '../../common/dates';
import { periodContains } from '../../common/period';
import { keysetPage, Page } from '../../database/keyset-page';
import { likeLiteral, nameContains } from '../../database/text-search';
import { archiveVersioned, insertAudited, restoreVersioned, writeVersioned } from '../../database/versioned-write';
import { MembershipsService } from '../alliances/memberships.service';
import { AssignRoleInput, CreatePersonInput, EndRoleInput, PersonFilter, UpdatePersonInput, UpdateRoleInput } from './dto/people.inputs';
import { PersonEntity } from './person.entity';
import { RoleEntity } from './role.entity';

/** Family name first, as a register files people; given name breaks ties between namesakes. */
const SORT_NAME = "(p.familyName || ' ' || p.givenName)";

/** A prefix that trims to nothing is no prefix, so displayName never starts with a space. */
const prefixOf = (honorificPrefix: string | null | undefined) => honorificPrefix || null;

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    private readonly memberships: MembershipsService,
  ) {}

  /** One person, archived or not: a single record is always answered. */
  find(id: string): Promise<PersonEntity | null> {
    return this.people.findOneBy({ id });
  }

  list(filter: PersonFilter = {}, page: { first: number; after?: string }): Promise<Page<PersonEntity>> {
    const query = this.people.createQueryBuilder('p');
    if (!filter.includeArchived) query.andWhere('p.archivedAt IS NULL');
    if (filter.organisationId) {
      query.andWhere('p.id IN (SELECT r.person_id FROM role r WHERE r.organisation_id = :organisationId)', {
        organisationId: filter.organisationId,
      });
    }
    if (filter.search) {
      // People are searched as they are written and as they are filed: "Andreas Schumm" and "Schumm Andreas".
      query.andWhere(`(${nameContains("(p.givenName || ' ' || p.familyName)", 'search')} OR ${nameContains(SORT_NAME, 'search')})`, {
        search: likeLiteral(filter.search),
      });
    }
    return keysetPage(query, page, {
      expression: SORT_NAME,
      valueOf: (p) => `${p.familyName} ${p.givenName}`,
      direction: 'ASC',
      german: true,
    });
  }

  createPerson(actor: Actor, input: CreatePersonInput): Promise<PersonEntity> {
    return this.dataSource.transaction((manager) =>
      insertAudited(manager, actor, {
        entity: PersonEntity,
        entityType: 'Person',
        action: 'createPerson',
        values: { honorificPrefix: prefixOf(input.honorificPrefix), givenName: input.givenName, familyName: input.familyName },
      }),
    );
  }

  /** Corrects the spelling of a name; displayName follows, as it is computed from the parts. */
  updatePerson(actor: Actor, input: UpdatePersonInput): Promise<PersonEntity> {
    return this.dataSource.transaction((manager) => this.applyPersonUpdate(manager, actor, input));
  }

  /**
   * updatePerson's write on the caller's transaction: updatePerson above, and an accepted change
   * proposal. `audited` joins the audit event's changes as [null, value] (the proposal's proposer and id).
   */
  applyPersonUpdate(manager: EntityManager, actor: Actor, input: UpdatePersonInput, audited: Snapshot = {}): Promise<PersonEntity> {
    return writeVersioned(manager, actor, {
      entity: PersonEntity,
      entityType: 'Person',
      id: input.id,
      expectedVersion: input.expectedVersion,
      action: 'updatePerson',
      check: (person) => this.assertMayWritePerson(manager, actor, person.id),
      change: (person) => {
        if (input.honorificPrefix !== undefined) person.honorificPrefix = prefixOf(input.honorificPrefix);
        if (input.givenName !== undefined) person.givenName = input.givenName;
        if (input.familyName !== undefined) person.familyName = input.familyName;
        return { before: {}, after: audited };
      },
    });
  }

  archivePerson(actor: Actor, id: string, expectedVersion: number): Promise<PersonEntity> {
    return this.dataSource.transaction((manager) =>
      archiveVersioned(manager, actor, {
        entity: PersonEntity,
        entityType: 'Person',
        id,
        expectedVersion,
        check: (person) => this.assertMayWritePerson(manager, actor, person.id),
      }),
    );
  }

  restorePerson(actor: Actor, id: string, expectedVersion: number): Promise<PersonEntity> {
    return this.dataSource.transaction((manager) =>
      restoreVersioned(manager, actor, {
        entity: PersonEntity,
        entityType: 'Person',
        id,
        expectedVersion,
        check: (person) => this.assertMayWritePerson(manager, actor, person.id),
      }),
    );
  }

  /** An unknown person or organisation is NOT_FOUND by the role's foreign keys (role_person_fkey, role_organisation_fkey). */
  assignRole(actor: Actor, input: AssignRoleInput): Promise<RoleEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertMayWriteRolesAt(manager, actor, input.organisationId);
      return insertAudited(manager, actor, {
        entity: RoleEntity,
        entityType: 'Role',
        action: 'assignRole',
        values: {
          personId: input.personId,
          organisationId: input.organisationId,
          title: input.title,
          validFrom: input.validFrom ?? null,
          validTo: input.validTo ?? null,
        },
      });
    });
  }

  /** A validTo before validFrom is refused by role_period_check, naming validTo. */
  endRole(actor: Actor, input: EndRoleInput): Promise<RoleEntity> {
    return this.dataSource.transaction((manager) =>
      writeVersioned(manager, actor, {
        entity: RoleEntity,
        entityType: 'Role',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: 'endRole',
        check: async (role) => {
          await this.assertMayWriteRolesAt(manager, actor, role.organisationId);
          if (role.validTo !== null) throw badInput('id', 'The role has ended already');
        },
        change: (role) => {
          role.validTo = input.validTo;
        },
      }),
    );
  }

  /** Corrects a role in place; null clears a date; role_period_check refuses a period that ends before it starts, naming validTo. */
  updateRole(actor: Actor, input: UpdateRoleInput): Promise<RoleEntity> {
    return this.dataSource.transaction((manager) =>
      writeVersioned(manager, actor, {
        entity: RoleEntity,
        entityType: 'Role',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: 'updateRole',
        check: (role) => this.assertMayWriteRolesAt(manager, actor, role.organisationId),
        change: (role) => {
          if (input.title !== undefined) role.title = input.title;
          if (input.validFrom !== undefined) role.validFrom = input.validFrom;
          if (input.validTo !== undefined) role.validTo = input.validTo;
        },
      }),
    );
  }

  /** The coordinator rule for roles: at an organisation that is a current member of one of its alliances. */
  private async assertMayWriteRolesAt(manager: EntityManager, actor: Actor, organisationId: string): Promise<void> {
    assertMayWriteAround(actor, await this.memberships.currentAllianceIds([organisationId], manager), 'roles at this organisation');
  }

  /**
   * The coordinator rule for a person, as for their roles: someone who holds a role today at an
   * organisation that is a current member of one of its alliances.
   */
  private async assertMayWritePerson(manager: EntityManager, actor: Actor, personId: string): Promise<void> {
    const day = today();
    const held = (await manager.find(RoleEntity, { where: { personId } })).filter((role) =>
      periodContains(role.validFrom, role.validTo, day),
    );
    const allianceIds = await this.memberships.currentAllianceIds(
      held.map((role) => role.organisationId),
      manager,
    );
    assertMayWriteAround(actor, allianceIds, 'this person');
  }
}
