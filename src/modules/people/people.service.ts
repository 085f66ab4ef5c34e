import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMayWriteAround } from '../../auth/coordinator-scope';
import { AuditService } from '../../audit/audit.service';
import { badInput, notFound } from '../../common/domain-error';
import { keysetPage, Page } from '../../database/keyset-page';
import { likeLiteral, nameContains } from '../../database/text-search';
import { lockForUpdate } from '../../database/versioned-write';
import { MembershipsService } from '../alliances/memberships.service';
import { AssignRoleInput, CreatePersonInput, EndRoleInput, PersonFilter } from './dto/people.inputs';
import { PersonEntity } from './person.entity';
import { RoleEntity } from './role.entity';

/** Family name first, as a register files people; given name breaks ties between namesakes. */
const SORT_NAME = "(p.familyName || ' ' || p.givenName)";

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(PersonEntity) private readonly people: Repository<PersonEntity>,
    @InjectRepository(RoleEntity) private readonly roles: Repository<RoleEntity>,
    private readonly memberships: MembershipsService,
    private readonly audit: AuditService,
  ) {}

  find(id: string): Promise<PersonEntity | null> {
    return this.people.findOneBy({ id });
  }

  list(filter: PersonFilter = {}, page: { first: number; after?: string }): Promise<Page<PersonEntity>> {
    const query = this.people.createQueryBuilder('p');
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

  async createPerson(actor: Actor, input: CreatePersonInput): Promise<PersonEntity> {
    return this.dataSource.transaction(async (manager) => {
      const person = await manager.save(
        manager.create(PersonEntity, {
          // A prefix that trims to nothing is no prefix, so displayName never starts with a space.
          honorificPrefix: input.honorificPrefix || null,
          givenName: input.givenName,
          familyName: input.familyName,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'createPerson',
        entityType: 'Person',
        entityId: person.id,
        before: null,
        after: { ...person },
      });
      return person;
    });
  }

  async assignRole(actor: Actor, input: AssignRoleInput): Promise<RoleEntity> {
    assertMayWriteAround(actor, await this.memberships.currentAllianceIds([input.organisationId]), 'roles at this organisation');
    return this.dataSource.transaction(async (manager) => {
      const role = await manager.save(
        manager.create(RoleEntity, {
          personId: input.personId,
          organisationId: input.organisationId,
          title: input.title,
          validFrom: input.validFrom ?? null,
          validTo: input.validTo ?? null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'assignRole',
        entityType: 'Role',
        entityId: role.id,
        before: null,
        after: { ...role },
      });
      return role;
    });
  }

  async endRole(actor: Actor, input: EndRoleInput): Promise<RoleEntity> {
    const existing = await this.roles.findOneBy({ id: input.id });
    if (!existing) throw notFound('Role', input.id, 'id');
    assertMayWriteAround(actor, await this.memberships.currentAllianceIds([existing.organisationId]), 'roles at this organisation');
    return this.dataSource.transaction(async (manager) => {
      const role = await lockForUpdate(manager, RoleEntity, 'Role', input.id, input.expectedVersion);
      if (role.validTo !== null) throw badInput('id', 'The role has ended already');
      if (role.validFrom !== null && input.validTo < role.validFrom) throw badInput('validTo', 'validTo must not be before validFrom');
      const before = { ...role };
      role.validTo = input.validTo;
      role.version += 1;
      const saved = await manager.save(role);
      await this.audit.record(manager, actor, { action: 'endRole', entityType: 'Role', entityId: role.id, before, after: { ...saved } });
      return saved;
    });
  }
}
