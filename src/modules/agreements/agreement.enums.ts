import { registerEnumType } from '@nestjs/graphql';

export enum AgreementStatus {
  DRAFT = 'DRAFT',
  SIGNED = 'SIGNED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(AgreementStatus, { name: 'AgreementStatus', description: 'Where an agreement stands.' });

export enum CommitmentKind {
  ANNUAL_TOP_LEVEL_MEETING = 'ANNUAL_TOP_LEVEL_MEETING',
  PERMANENT_REPRESENTATIVE = 'PERMANENT_REPRESENTATIVE',
  MUTUAL_SUPPORT = 'MUTUAL_SUPPORT',
  MUTUAL_INFORMATION = 'MUTUAL_INFORMATION',
  SHARED_MONITORING = 'SHARED_MONITORING',
  COMMUNICATION_PLATFORM = 'COMMUNICATION_PLATFORM',
  OTHER = 'OTHER',
}
registerEnumType(CommitmentKind, {
  name: 'CommitmentKind',
  description: 'What the parties of an agreement promised.',
  valuesMap: {
    ANNUAL_TOP_LEVEL_MEETING: { description: 'jährliches Spitzengespräch' },
    PERMANENT_REPRESENTATIVE: { description: 'ständiger Vertreter, e.g. at the Fachkräftekonferenzen' },
    MUTUAL_SUPPORT: { description: 'gegenseitige Unterstützung bei den Arbeitsprogrammen' },
    MUTUAL_INFORMATION: { description: 'gegenseitige Information über Aktivitäten' },
    SHARED_MONITORING: { description: 'gemeinsame Nutzung von Arbeitsmarkt-/Fachkräftemonitor' },
    COMMUNICATION_PLATFORM: { description: 'gemeinsame Kommunikationsplattform' },
    OTHER: { description: 'Any other promise' },
  },
});
