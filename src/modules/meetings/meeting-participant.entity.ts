import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonEntity } from '../people/person.entity';
import { MeetingEntity } from './meeting.entity';

@Entity('meeting_participant')
export class MeetingParticipantEntity {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'meeting_participant_meeting_fkey' })
  meeting?: MeetingEntity;

  @Index('meeting_participant_person_idx')
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'meeting_participant_person_fkey' })
  person?: PersonEntity;

  @Column({ type: 'int' })
  position: number;
}
