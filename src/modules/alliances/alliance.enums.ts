import { registerEnumType } from '@nestjs/graphql';

export enum AllianceLevel {
  STATE = 'STATE',
  REGIONAL = 'REGIONAL',
  LOCAL = 'LOCAL',
}
registerEnumType(AllianceLevel, {
  name: 'AllianceLevel',
  description: 'Whether an alliance works for the whole state, a region or a locality.',
});

export enum AllianceStatus {
  ACTIVE = 'ACTIVE',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(AllianceStatus, { name: 'AllianceStatus', description: 'Whether an alliance still works.' });

export enum MembershipRole {
  LEAD = 'LEAD',
  PARTNER = 'PARTNER',
}
registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  description: "An organisation's part in an alliance.",
  valuesMap: { LEAD: { description: 'Federführung: leads the alliance' }, PARTNER: { description: 'A partner' } },
});
