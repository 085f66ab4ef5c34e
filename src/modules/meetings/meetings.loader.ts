import { Injectable } from '@nestjs/common';
import { PlainRows } from '../../database/plain-rows';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { MeetingParticipantEntity } from './meeting-participant.entity';
import { MeetingEntity } from './meeting.entity';

const BY_ID = Symbol('meeting.byId');
const BY_AGREEMENT = Symbol('meeting.byAgreement');
const BY_ALLIANCE = Symbol('meeting.byAlliance');
const PARTICIPANT_IDS_BY_MEETING = Symbol('meetingParticipant.idsByMeeting');

/** Oldest first, as a record's history reads. */
export const CHRONOLOGICAL = 'held_on ASC, id ASC';

/**
 * The meetings that relation fields list: archived ones leave them until restored. Both the
 * loaders and the SQL projection of Alliance.meetings and Agreement.meetings filter by this text.
 */
export const LISTED_MEETING = 'archived_at IS NULL';

@Injectable()
export class MeetingsLoader {
  constructor(private readonly rows: PlainRows) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, MeetingEntity | null>(BY_ID, async (ids) =>
      oneByKey(ids, await this.rows.byKeys(MeetingEntity, 'id', ids), (m) => m.id),
    );
  }

  /** The meetings (not archived) under each agreement. */
  byAgreement(loaders: RequestLoaders) {
    return loaders.get<string, MeetingEntity[]>(BY_AGREEMENT, async (agreementIds) =>
      manyByKey(
        agreementIds,
        await this.rows.byKeys(MeetingEntity, 'agreementId', agreementIds, { where: LISTED_MEETING, orderBy: CHRONOLOGICAL }),
        (m) => m.agreementId!,
      ),
    );
  }

  /** The meetings (not archived) of each alliance. */
  byAlliance(loaders: RequestLoaders) {
    return loaders.get<string, MeetingEntity[]>(BY_ALLIANCE, async (allianceIds) =>
      manyByKey(
        allianceIds,
        await this.rows.byKeys(MeetingEntity, 'allianceId', allianceIds, { where: LISTED_MEETING, orderBy: CHRONOLOGICAL }),
        (m) => m.allianceId!,
      ),
    );
  }

  /** The people who took part in each meeting, in the order they were given. */
  participantIdsByMeeting(loaders: RequestLoaders) {
    return loaders.get<string, string[]>(PARTICIPANT_IDS_BY_MEETING, async (meetingIds) => {
      const rows = await this.rows.byKeys(MeetingParticipantEntity, 'meetingId', meetingIds, { orderBy: 'position ASC' });
      return manyByKey(meetingIds, rows, (p) => p.meetingId).map((list) => list.map((p) => p.personId));
    });
  }
}
