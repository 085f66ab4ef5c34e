import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMay } from '../../auth/policy';
import { today } from '../../common/dates';
import { badInput, DomainError, notFound } from '../../common/domain-error';
import { databaseErrorToDomain } from '../../database/database-errors';
import { existsOnSql } from '../../database/day-columns';
import { keysetPage, Page } from '../../database/keyset-page';
import { archiveVersioned, insertAudited, restoreVersioned, writeVersioned } from '../../database/versioned-write';
import { AgreementsService } from '../agreements/agreements.service';
import { AlliancesService } from '../alliances/alliances.service';
import { MeetingFilter, RecordMeetingInput, UpdateMeetingInput } from './dto/meeting.inputs';
import { MeetingParticipantEntity } from './meeting-participant.entity';
import { MeetingStatus } from './meeting.enums';
import { MeetingEntity } from './meeting.entity';

/**
 * The contract's rule: a meeting is HELD only on a day up to today in Baden-Württemberg; one
 * later than that has not taken place yet and is PLANNED. Today moves, so the database cannot
 * hold this rule: every write that sets a meeting's status or day checks it here.
 */
function assertHeldByToday(status: MeetingStatus, heldOn: string, field: 'heldOn' | 'status'): void {
  if (status === MeetingStatus.HELD && heldOn > today())
    throw badInput(field, `A meeting on ${heldOn}, after today (${today()}), has not been held yet: it is PLANNED`);
}

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    private readonly agreements: AgreementsService,
    private readonly alliances: AlliancesService,
  ) {}

  /** One meeting, archived or not: a single record is always answered. */
  find(id: string): Promise<MeetingEntity | null> {
    return this.meetings.findOneBy({ id });
  }

  /** Latest first, as of `day`: meetings after it are left out. */
  list(filter: MeetingFilter = {}, page: { first: number; after?: string }, day: string): Promise<Page<MeetingEntity>> {
    const query = this.meetings.createQueryBuilder('m').where(existsOnSql(MeetingEntity, 'm', ':day')!, { day });
    if (!filter.includeArchived) query.andWhere('m.archivedAt IS NULL');
    if (filter.kind) query.andWhere('m.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('m.status = :status', { status: filter.status });
    if (filter.agreementId) query.andWhere('m.agreementId = :agreementId', { agreementId: filter.agreementId });
    if (filter.allianceId) query.andWhere('m.allianceId = :allianceId', { allianceId: filter.allianceId });
    if (filter.from) query.andWhere('m.heldOn >= :from', { from: filter.from });
    if (filter.to) query.andWhere('m.heldOn <= :to', { to: filter.to });
    return keysetPage(query, page, { expression: 'm.heldOn', valueOf: (m) => m.heldOn, direction: 'DESC', date: true });
  }

  async record(actor: Actor, input: RecordMeetingInput): Promise<MeetingEntity> {
    const { agreementId, allianceId } = input;
    if (!agreementId && !allianceId) throw badInput('agreementId', 'A meeting needs an agreementId, an allianceId or both');
    assertHeldByToday(input.status, input.heldOn, 'heldOn');
    return this.dataSource.transaction(async (manager) => {
      const party = agreementId ? await this.agreements.isParty(agreementId, allianceId ?? null, manager) : null;
      if (agreementId && party === null) throw notFound('Agreement', agreementId, 'agreementId');
      await assertMay(manager, actor, 'recordMeeting', { allianceId: allianceId ?? null, agreementId: agreementId ?? null });
      if (allianceId && agreementId && !party) {
        if (!(await this.alliances.find(allianceId))) throw notFound('Alliance', allianceId, 'allianceId');
        throw badInput('allianceId', 'The alliance is not a party to the agreement');
      }
      const participantIds = input.participantIds ?? [];
      const meeting = await insertAudited(manager, actor, {
        entity: MeetingEntity,
        entityType: 'Meeting',
        action: 'recordMeeting',
        values: {
          kind: input.kind,
          status: input.status,
          title: input.title,
          heldOn: input.heldOn,
          location: input.location || null,
          agreementId: agreementId ?? null,
          allianceId: allianceId ?? null,
          outcome: input.outcome || null,
        },
        audited: { participantIds },
      });
      await this.insertParticipants(manager, meeting.id, participantIds);
      return meeting;
    });
  }

  update(actor: Actor, input: UpdateMeetingInput): Promise<MeetingEntity> {
    return this.dataSource.transaction((manager) =>
      writeVersioned(manager, actor, {
        entity: MeetingEntity,
        entityType: 'Meeting',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: 'updateMeeting',
        check: async (meeting) => {
          await assertMay(manager, actor, 'updateMeeting', meeting);
          if (input.status !== undefined || input.heldOn !== undefined) {
            // Named after what the caller changes: the day when it moves, else the status.
            const field = input.heldOn !== undefined && input.heldOn !== meeting.heldOn ? 'heldOn' : 'status';
            assertHeldByToday(input.status ?? meeting.status, input.heldOn ?? meeting.heldOn, field);
          }
        },
        change: async (meeting) => {
          if (input.status !== undefined) meeting.status = input.status;
          if (input.heldOn !== undefined) meeting.heldOn = input.heldOn;
          if (input.location !== undefined) meeting.location = input.location || null;
          if (input.outcome !== undefined) meeting.outcome = input.outcome || null;
          if (input.participantIds === undefined) return;
          const current = await manager.find(MeetingParticipantEntity, { where: { meetingId: meeting.id }, order: { position: 'ASC' } });
          await manager.delete(MeetingParticipantEntity, { meetingId: meeting.id });
          await this.insertParticipants(manager, meeting.id, input.participantIds);
          return {
            before: { participantIds: current.map((participant) => participant.personId) },
            after: { participantIds: input.participantIds },
          };
        },
      }),
    );
  }

  archive(actor: Actor, id: string, expectedVersion: number): Promise<MeetingEntity> {
    return this.dataSource.transaction((manager) =>
      archiveVersioned(manager, actor, {
        entity: MeetingEntity,
        entityType: 'Meeting',
        id,
        expectedVersion,
        check: (meeting) => assertMay(manager, actor, 'archiveMeeting', meeting),
      }),
    );
  }

  restore(actor: Actor, id: string, expectedVersion: number): Promise<MeetingEntity> {
    return this.dataSource.transaction((manager) =>
      restoreVersioned(manager, actor, {
        entity: MeetingEntity,
        entityType: 'Meeting',
        id,
        expectedVersion,
        check: (meeting) => assertMay(manager, actor, 'restoreMeeting', meeting),
      }),
    );
  }

  private async insertParticipants(manager: EntityManager, meetingId: string, personIds: string[]): Promise<void> {
    if (personIds.length === 0) return;
    try {
      await manager.insert(
        MeetingParticipantEntity,
        personIds.map((personId, position) => ({ meetingId, personId, position })),
      );
    } catch (error) {
      // The database names the column (personId); the caller knows the list as participantIds.
      const domain = databaseErrorToDomain(error);
      if (domain?.code === 'NOT_FOUND')
        throw new DomainError('NOT_FOUND', domain.message, { fields: [{ field: 'participantIds', message: domain.message }] });
      throw error;
    }
  }
}
