import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMayWriteAround } from '../../auth/coordinator-scope';
import { AuditService } from '../../audit/audit.service';
import { badInput, DomainError, notFound } from '../../common/domain-error';
import { today } from '../../common/dates';
import { lockForUpdate } from '../../database/versioned-write';
import { MembershipRole } from './alliance.enums';
import { AllianceEntity } from './alliance.entity';
import { AddMemberInput, EndMembershipInput } from './dto/membership.inputs';
import { MembershipEntity } from './membership.entity';

/** Who belongs to which alliance, and when; also the data behind the coordinator rule. */
@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    private readonly audit: AuditService,
  ) {}

  /**
   * The alliances each organisation is a current member of (today): what a coordinator may write
   * around. A write passes its transaction's manager, so that its permission check reads inside it.
   */
  async currentAllianceIds(organisationIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (organisationIds.length === 0) return [];
    const rows: { alliance_id: string }[] = await manager.query(
      `SELECT DISTINCT alliance_id FROM membership
       WHERE organisation_id = ANY($1) AND (joined_on IS NULL OR joined_on <= $2) AND (left_on IS NULL OR left_on > $2)`,
      [organisationIds, today()],
    );
    return rows.map((row) => row.alliance_id);
  }

  async add(actor: Actor, input: AddMemberInput): Promise<MembershipEntity> {
    assertMayWriteAround(actor, [input.allianceId], 'the members of this alliance');
    return this.dataSource.transaction(async (manager) => {
      // Locking the alliance serialises concurrent additions, so the one-lead and no-duplicate rules hold.
      const alliance = await manager.findOne(AllianceEntity, { where: { id: input.allianceId }, lock: { mode: 'pessimistic_write' } });
      if (!alliance) throw notFound('Alliance', input.allianceId, 'allianceId');
      const ongoing = (await manager.find(MembershipEntity, { where: { allianceId: input.allianceId } })).filter(
        (m) => m.leftOn === null || m.leftOn > today(),
      );
      if (ongoing.some((m) => m.organisationId === input.organisationId)) {
        throw new DomainError('CONFLICT', 'The organisation is a member of this alliance already', {
          fields: [{ field: 'organisationId', message: 'is a member already' }],
        });
      }
      if (input.role === MembershipRole.LEAD && ongoing.some((m) => m.role === MembershipRole.LEAD)) {
        throw new DomainError('CONFLICT', 'The alliance has a lead already; end that membership first', {
          fields: [{ field: 'role', message: 'the alliance has a lead already' }],
        });
      }
      const membership = await manager.save(
        manager.create(MembershipEntity, {
          allianceId: input.allianceId,
          organisationId: input.organisationId,
          role: input.role,
          joinedOn: input.joinedOn ?? null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'addMember',
        entityType: 'Membership',
        entityId: membership.id,
        before: null,
        after: { ...membership },
      });
      return membership;
    });
  }

  async end(actor: Actor, input: EndMembershipInput): Promise<MembershipEntity> {
    const existing = await this.memberships.findOneBy({ id: input.id });
    if (!existing) throw notFound('Membership', input.id, 'id');
    assertMayWriteAround(actor, [existing.allianceId], 'the members of this alliance');
    return this.dataSource.transaction(async (manager) => {
      const membership = await lockForUpdate(manager, MembershipEntity, 'Membership', input.id, input.expectedVersion);
      if (membership.leftOn !== null) throw badInput('id', 'The membership has ended already');
      if (membership.joinedOn !== null && input.leftOn < membership.joinedOn)
        throw badInput('leftOn', 'leftOn must not be before joinedOn');
      const before = { ...membership };
      membership.leftOn = input.leftOn;
      membership.version += 1;
      const saved = await manager.save(membership);
      await this.audit.record(manager, actor, {
        action: 'endMembership',
        entityType: 'Membership',
        entityId: membership.id,
        before,
        after: { ...saved },
      });
      return saved;
    });
  }
}
