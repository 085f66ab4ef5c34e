import { ByIdOptions, Relation, rowById } from '../../database/relation';
import { PersonEntity } from '../people/person.entity';
import { MeetingEntity } from './meeting.entity';

/**
 * What relations to meetings and their participants read, declared once (database/relation.ts):
 * the loaders' statements and the SQL projection are both built from these.
 */

/** The meeting whose id a record's `parentKey` holds. */
export const meetingOf = (parentKey: string, options: ByIdOptions = {}): Relation<MeetingEntity> =>
  rowById(MeetingEntity, parentKey, options);

/** The meetings (archived ones leave them until restored) whose `column` holds the parent's id, oldest first, as a record's history reads. */
const meetingsBy = (column: 'alliance_id' | 'agreement_id'): Relation<MeetingEntity> => ({
  entity: MeetingEntity,
  parentKey: 'id',
  by: column,
  many: true,
  where: (m) => `${m}.archived_at IS NULL`,
  orderBy: (m) => `${m}.held_on ASC, ${m}.id ASC`,
});

export const MEETINGS_OF_ALLIANCE = meetingsBy('alliance_id');
export const MEETINGS_OF_AGREEMENT = meetingsBy('agreement_id');

/** The people who took part in a meeting, in the order they were given; archived people leave every list of people. */
export const PARTICIPANTS: Relation<PersonEntity> = {
  entity: PersonEntity,
  parentKey: 'id',
  by: { from: 'meeting_participant', key: 'meeting_id', row: 'person_id' },
  many: true,
  where: (p) => `${p}.archived_at IS NULL`,
  orderBy: (_p, l) => `${l}.position ASC, ${l}.person_id ASC`,
};
