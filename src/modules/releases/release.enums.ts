import { registerEnumType } from '@nestjs/graphql';

export enum ReleaseRelation {
  ANNOUNCES = 'ANNOUNCES',
  MENTIONS = 'MENTIONS',
}
registerEnumType(ReleaseRelation, {
  name: 'ReleaseRelation',
  description: 'How a release relates to a record: it announces it, or only mentions it.',
});

/** The kinds of record a release can link to. */
export enum LinkedEntityType {
  ALLIANCE = 'ALLIANCE',
  ORGANISATION = 'ORGANISATION',
  PERSON = 'PERSON',
  AGREEMENT = 'AGREEMENT',
  MEETING = 'MEETING',
}
