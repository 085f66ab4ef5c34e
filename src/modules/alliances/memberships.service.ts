import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMay, createdBy } from '../../auth/policy';
import { badInput, notFound } from '../../common/domain-error';
import { periodContainsSql } from '../../common/period';
import { archiveVersioned, insertAudited, restoreVersioned, VersionedWrite, writeVersioned } from '../../database/versioned-write';
import { MembershipRole } from './alliance.enums';
import { AllianceEntity } from './alliance.entity';
import { listedMembershipSql } from '../../database/current-membership';
import { AddMemberInput, ChangeMembershipRoleInput, CorrectMembershipInput, EndMembershipInput } from './dto/membership.inputs';
import { MembershipEntity } from './membership.entity';

const ENTITY_TYPE = 'Membership';
const MEMBERSHIP = { entity: MembershipEntity, entityType: ENTITY_TYPE };

/**
 * Who belongs to which alliance, and when.
 *
 * The database holds the membership rules (exclusion constraints: one organisation's memberships
 * in one alliance never overlap, one LEAD a day; a check: no period ends before it starts), and
 * its refusal is the answer (BAD_USER_INPUT naming joinedOn, role or leftOn). Every membership
 * write first locks its alliance's row, so that writes within one alliance queue instead of
 * deadlocking on each other's uncommitted rows (a role change writes up to four of them).
 */
@Injectable()
export class MembershipsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Any existing organisation may join: what a coordinator adds does not make the organisation its own (auth/policy.ts). */
  add(actor: Actor, input: AddMemberInput): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (manager) => {
      await lockAlliance(manager, input.allianceId);
      await assertMay(manager, actor, 'addMember', { allianceId: input.allianceId });
      // No check in JavaScript: an overlap or a second LEAD is refused by the constraints, also for racing writers.
      return insertAudited(manager, actor, {
        ...MEMBERSHIP,
        action: 'addMember',
        values: {
          allianceId: input.allianceId,
          organisationId: input.organisationId,
          role: input.role,
          joinedOn: input.joinedOn ?? null,
          createdBy: createdBy(actor),
        },
      });
    });
  }

  end(actor: Actor, input: EndMembershipInput): Promise<MembershipEntity> {
    return this.writeMembership(actor, {
      id: input.id,
      expectedVersion: input.expectedVersion,
      action: 'endMembership',
      check: (membership) => {
        refuseArchived(membership);
        if (membership.leftOn !== null) throw badInput('id', 'The membership has ended already');
        if (membership.joinedOn !== null && input.leftOn < membership.joinedOn)
          throw badInput('leftOn', 'leftOn must not be before joinedOn');
      },
      change: (membership) => {
        membership.leftOn = input.leftOn;
      },
    });
  }

  /**
   * A change in the world, kept as history: the membership ends on `from` and a new one with the
   * role continues it until the old end. A new LEAD demotes the LEAD of that day the same way.
   */
  changeRole(actor: Actor, input: ChangeMembershipRoleInput): Promise<MembershipEntity> {
    return this.inLockedAlliance(input.id, async (manager, member) => {
      const ended = await endOn(manager, actor, {
        id: input.id,
        expectedVersion: input.expectedVersion,
        from: input.from,
        check: async (membership) => {
          await assertMay(manager, actor, 'changeMembershipRole', { allianceId: membership.allianceId });
          refuseArchived(membership);
          if (membership.role === input.role) throw badInput('role', `The member is a ${input.role} already`);
        },
      });
      if (input.role === MembershipRole.LEAD) {
        const lead = await leadOn(manager, member.allianceId, input.from);
        if (lead) await continueAs(manager, actor, await endOn(manager, actor, { ...lead, from: input.from }), MembershipRole.PARTNER);
      }
      return continueAs(manager, actor, ended, input.role);
    });
  }

  /**
   * A correction of a mistake: the dates change in place, and only the audit trail keeps the old
   * ones. An archived membership may be corrected too, so that it fits again before it is restored.
   */
  correct(actor: Actor, input: CorrectMembershipInput): Promise<MembershipEntity> {
    return this.writeMembership(actor, {
      id: input.id,
      expectedVersion: input.expectedVersion,
      action: 'correctMembership',
      change: (membership) => {
        const joinedOn = input.joinedOn === undefined ? membership.joinedOn : input.joinedOn;
        const leftOn = input.leftOn === undefined ? membership.leftOn : input.leftOn;
        if (joinedOn !== null && leftOn !== null && leftOn < joinedOn) {
          const field = input.leftOn === undefined ? 'joinedOn' : 'leftOn';
          throw badInput(field, `The membership would end (${leftOn}) before it begins (${joinedOn})`);
        }
        membership.joinedOn = joinedOn;
        membership.leftOn = leftOn;
      },
    });
  }

  archive(actor: Actor, id: string, expectedVersion: number): Promise<MembershipEntity> {
    return this.inLockedAlliance(id, (manager) =>
      archiveVersioned(manager, actor, {
        ...MEMBERSHIP,
        id,
        expectedVersion,
        check: (locked) => assertMay(manager, actor, 'archiveMembership', { allianceId: locked.allianceId }),
      }),
    );
  }

  /** The restored membership must fit the rules again: an overlap or a second LEAD is refused by the constraints. */
  restore(actor: Actor, id: string, expectedVersion: number): Promise<MembershipEntity> {
    return this.inLockedAlliance(id, (manager) =>
      restoreVersioned(manager, actor, {
        ...MEMBERSHIP,
        id,
        expectedVersion,
        check: (locked) => assertMay(manager, actor, 'restoreMembership', { allianceId: locked.allianceId }),
      }),
    );
  }

  /** One versioned write of a membership, with its alliance locked and the caller's permission checked on the locked row. */
  private writeMembership(
    actor: Actor,
    write: Pick<VersionedWrite<MembershipEntity>, 'id' | 'expectedVersion' | 'check' | 'change'> & {
      action: 'endMembership' | 'correctMembership';
    },
  ): Promise<MembershipEntity> {
    return this.inLockedAlliance(write.id, (manager) =>
      writeVersioned(manager, actor, {
        ...MEMBERSHIP,
        ...write,
        check: async (locked) => {
          await assertMay(manager, actor, write.action, { allianceId: locked.allianceId });
          await write.check?.(locked);
        },
      }),
    );
  }

  /** A transaction for writes around the membership, with its alliance locked first; NOT_FOUND when no membership has the id. */
  private inLockedAlliance<R>(id: string, write: (manager: EntityManager, membership: MembershipEntity) => Promise<R>): Promise<R> {
    return this.dataSource.transaction(async (manager) => {
      const membership = await manager.findOneBy(MembershipEntity, { id });
      if (!membership) throw notFound(ENTITY_TYPE, id, 'id');
      await lockAlliance(manager, membership.allianceId);
      return write(manager, membership);
    });
  }
}

/** Locks the alliance's row so that membership writes within it queue; NOT_FOUND naming allianceId when there is none. */
async function lockAlliance(manager: EntityManager, allianceId: string): Promise<void> {
  // NO KEY UPDATE: writers of the alliance's memberships queue, rows that merely refer to the alliance do not.
  const alliance = await manager.findOne(AllianceEntity, { where: { id: allianceId }, lock: { mode: 'for_no_key_update' } });
  if (!alliance) throw notFound('Alliance', allianceId, 'allianceId');
}

function refuseArchived(membership: MembershipEntity): void {
  if (membership.archivedAt) throw badInput('id', 'The membership is archived; restore it first');
}

/** The LEAD membership of the alliance on the day, whatever its organisation's state: the one the one-LEAD rule counts. */
async function leadOn(manager: EntityManager, allianceId: string, day: string): Promise<{ id: string; expectedVersion: number } | null> {
  const lead = await manager
    .createQueryBuilder(MembershipEntity, 'm')
    .where('m.alliance_id = :allianceId AND m.role = :lead', { allianceId, lead: MembershipRole.LEAD })
    .andWhere(`${listedMembershipSql('m')} AND ${periodContainsSql('m.joined_on', 'm.left_on', ':day')}`, { day })
    .getOne();
  return lead && { id: lead.id, expectedVersion: lead.version };
}

interface EndOn {
  id: string;
  expectedVersion: number;
  /** The day the membership ends and its continuation begins. */
  from: string;
  /** Permission and state checks on the locked membership, made before `from` is held against its period. */
  check?: (membership: MembershipEntity) => Promise<void>;
}

/** A membership ended on `from`, which must lie inside its period, with the end it had before. */
interface Ended {
  membership: MembershipEntity;
  until: string | null;
}

/** Ends a membership on `from` for a role change; `from` must lie strictly inside its period, so that neither part is empty. */
async function endOn(manager: EntityManager, actor: Actor, end: EndOn): Promise<Ended> {
  let until: string | null = null;
  const membership = await writeVersioned(manager, actor, {
    ...MEMBERSHIP,
    id: end.id,
    expectedVersion: end.expectedVersion,
    action: 'changeMembershipRole',
    check: async (locked) => {
      await end.check?.(locked);
      if ((locked.joinedOn !== null && end.from <= locked.joinedOn) || (locked.leftOn !== null && end.from >= locked.leftOn))
        throw badInput(
          'from',
          `The ${locked.role} membership runs ${period(locked)}: ${end.from} must lie after its first day and before its end`,
        );
    },
    change: (locked) => {
      until = locked.leftOn;
      locked.leftOn = end.from;
    },
  });
  return { membership, until };
}

/**
 * The membership that continues an ended one in a new role, from the day it ended until its old
 * end: the same membership in the policy's eyes, so it keeps who added it.
 */
function continueAs(manager: EntityManager, actor: Actor, { membership, until }: Ended, role: MembershipRole): Promise<MembershipEntity> {
  return insertAudited(manager, actor, {
    ...MEMBERSHIP,
    action: 'changeMembershipRole',
    values: {
      allianceId: membership.allianceId,
      organisationId: membership.organisationId,
      role,
      joinedOn: membership.leftOn,
      leftOn: until,
      createdBy: membership.createdBy,
    },
  });
}

const period = (m: MembershipEntity) => `from ${m.joinedOn ?? 'before anything known'} until ${m.leftOn ?? 'further notice'}`;
