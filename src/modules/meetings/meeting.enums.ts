import { registerEnumType } from '@nestjs/graphql';

export enum MeetingKind {
  TOP_LEVEL_MEETING = 'TOP_LEVEL_MEETING',
  SKILLED_LABOUR_CONFERENCE = 'SKILLED_LABOUR_CONFERENCE',
  OTHER = 'OTHER',
}
registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description: 'What kind of meeting it is.',
  valuesMap: {
    TOP_LEVEL_MEETING: { description: 'Spitzengespräch' },
    SKILLED_LABOUR_CONFERENCE: { description: 'Fachkräftekonferenz' },
    OTHER: { description: 'Any other meeting' },
  },
});

export enum MeetingStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingStatus, { name: 'MeetingStatus', description: 'Whether a meeting is planned, took place or was called off.' });
