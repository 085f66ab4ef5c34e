import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { MeetingParticipantEntity } from './meeting-participant.entity';
import { MeetingEntity } from './meeting.entity';

const BY_ID = Symbol('meeting.byId');
const BY_AGREEMENT = Symbol('meeting.byAgreement');
const BY_ALLIANCE = Symbol('meeting.byAlliance');
const PARTICIPANT_IDS_BY_MEETING = Symbol('meetingParticipant.idsByMeeting');

/** Oldest first, as a record's history reads. */
const CHRONOLOGICAL = { heldOn: 'ASC', id: 'ASC' } as const;

@Injectable()
export class MeetingsLoader {
  constructor(
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    @InjectRepository(MeetingParticipantEntity) private readonly participants: Repository<MeetingParticipantEntity>,
  ) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, MeetingEntity | null>(BY_ID, async (ids) => oneByKey(ids, await this.meetings.findBy({ id: In([...ids]) }), (m) => m.id));
  }

  byAgreement(loaders: RequestLoaders) {
    return loaders.get<string, MeetingEntity[]>(BY_AGREEMENT, async (agreementIds) =>
      manyByKey(agreementIds, await this.meetings.find({ where: { agreementId: In([...agreementIds]) }, order: CHRONOLOGICAL }), (m) => m.agreementId!),
    );
  }

  byAlliance(loaders: RequestLoaders) {
    return loaders.get<string, MeetingEntity[]>(BY_ALLIANCE, async (allianceIds) =>
      manyByKey(allianceIds, await this.meetings.find({ where: { allianceId: In([...allianceIds]) }, order: CHRONOLOGICAL }), (m) => m.allianceId!),
    );
  }

  /** The people who took part in each meeting, in the order they were given. */
  participantIdsByMeeting(loaders: RequestLoaders) {
    return loaders.get<string, string[]>(PARTICIPANT_IDS_BY_MEETING, async (meetingIds) => {
      const rows = await this.participants.find({ where: { meetingId: In([...meetingIds]) }, order: { position: 'ASC' } });
      return manyByKey(meetingIds, rows, (p) => p.meetingId).map((list) => list.map((p) => p.personId));
    });
  }
}
