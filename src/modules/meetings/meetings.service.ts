import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMayWriteAround } from '../../auth/coordinator-scope';
import { AuditService } from '../../audit/audit.service';
import { badInput, DomainError, notFound } from '../../common/domain-error';
import { databaseErrorToDomain } from '../../database/database-errors';
import { keysetPage, Page } from '../../database/keyset-page';
import { lockForUpdate } from '../../database/versioned-write';
import { AgreementsService } from '../agreements/agreements.service';
import { AlliancesService } from '../alliances/alliances.service';
import { MeetingFilter, RecordMeetingInput, UpdateMeetingInput } from './dto/meeting.inputs';
import { MeetingParticipantEntity } from './meeting-participant.entity';
import { MeetingEntity } from './meeting.entity';

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    private readonly agreements: AgreementsService,
    private readonly alliances: AlliancesService,
    private readonly audit: AuditService,
  ) {}

  find(id: string): Promise<MeetingEntity | null> {
    return this.meetings.findOneBy({ id });
  }

  list(filter: MeetingFilter = {}, page: { first: number; after?: string }): Promise<Page<MeetingEntity>> {
    const query = this.meetings.createQueryBuilder('m');
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
    const parties = agreementId ? await this.agreements.partyAllianceIds(agreementId) : null;
    if (agreementId && !parties) throw notFound('Agreement', agreementId, 'agreementId');
    assertMayWriteAround(actor, allianceId ? [allianceId] : parties!, 'this meeting');
    if (allianceId && parties && !parties.includes(allianceId)) {
      if (!(await this.alliances.find(allianceId))) throw notFound('Alliance', allianceId, 'allianceId');
      throw badInput('allianceId', 'The alliance is not a party to the agreement');
    }
    return this.dataSource.transaction(async (manager) => {
      const meeting = await manager.save(
        manager.create(MeetingEntity, {
          kind: input.kind,
          status: input.status,
          title: input.title,
          heldOn: input.heldOn,
          location: input.location || null,
          agreementId: agreementId ?? null,
          allianceId: allianceId ?? null,
          outcome: input.outcome || null,
        }),
      );
      const participantIds = input.participantIds ?? [];
      await this.insertParticipants(manager, meeting.id, participantIds);
      await this.audit.record(manager, actor, {
        action: 'recordMeeting',
        entityType: 'Meeting',
        entityId: meeting.id,
        before: null,
        after: { ...meeting, participantIds },
      });
      return meeting;
    });
  }

  async update(actor: Actor, input: UpdateMeetingInput): Promise<MeetingEntity> {
    const existing = await this.meetings.findOneBy({ id: input.id });
    if (!existing) throw notFound('Meeting', input.id, 'id');
    assertMayWriteAround(actor, await this.scopeOf(existing), 'this meeting');
    return this.dataSource.transaction(async (manager) => {
      const meeting = await lockForUpdate(manager, MeetingEntity, 'Meeting', input.id, input.expectedVersion);
      const before: Record<string, unknown> = { ...meeting };
      if (input.status !== undefined) meeting.status = input.status;
      if (input.heldOn !== undefined) meeting.heldOn = input.heldOn;
      if (input.location !== undefined) meeting.location = input.location || null;
      if (input.outcome !== undefined) meeting.outcome = input.outcome || null;
      meeting.version += 1;
      const saved = await manager.save(meeting);
      const after: Record<string, unknown> = { ...saved };
      if (input.participantIds !== undefined) {
        const current = await manager.find(MeetingParticipantEntity, { where: { meetingId: meeting.id }, order: { position: 'ASC' } });
        before.participantIds = current.map((participant) => participant.personId);
        after.participantIds = input.participantIds;
        await manager.delete(MeetingParticipantEntity, { meetingId: meeting.id });
        await this.insertParticipants(manager, meeting.id, input.participantIds);
      }
      await this.audit.record(manager, actor, { action: 'updateMeeting', entityType: 'Meeting', entityId: meeting.id, before, after });
      return saved;
    });
  }

  /** The alliances a meeting belongs to for the coordinator rule: its own alliance, else the parties of its agreement. */
  private async scopeOf(meeting: MeetingEntity): Promise<string[]> {
    if (meeting.allianceId) return [meeting.allianceId];
    return (await this.agreements.partyAllianceIds(meeting.agreementId!)) ?? [];
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
