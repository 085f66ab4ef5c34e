import { registerEnumType } from '@nestjs/graphql';

export enum OrganisationKind {
  MINISTRY = 'MINISTRY',
  CHAMBER_OF_COMMERCE = 'CHAMBER_OF_COMMERCE',
  CHAMBER_OF_CRAFTS = 'CHAMBER_OF_CRAFTS',
  EMPLOYMENT_AGENCY = 'EMPLOYMENT_AGENCY',
  TRADE_UNION = 'TRADE_UNION',
  EMPLOYERS_ASSOCIATION = 'EMPLOYERS_ASSOCIATION',
  ECONOMIC_DEVELOPMENT = 'ECONOMIC_DEVELOPMENT',
  MUNICIPALITY = 'MUNICIPALITY',
  EDUCATION = 'EDUCATION',
  WELCOME_CENTER = 'WELCOME_CENTER',
  OTHER = 'OTHER',
}
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of body an organisation is.',
  valuesMap: {
    MINISTRY: { description: 'Ministerium, Landesbehörde' },
    CHAMBER_OF_COMMERCE: { description: 'Industrie- und Handelskammer (IHK)' },
    CHAMBER_OF_CRAFTS: { description: 'Handwerkskammer (HWK)' },
    EMPLOYMENT_AGENCY: { description: 'Agentur für Arbeit, Bundesagentur für Arbeit' },
    TRADE_UNION: { description: 'DGB and its regions' },
    EMPLOYERS_ASSOCIATION: { description: 'Arbeitgeberverband' },
    ECONOMIC_DEVELOPMENT: { description: 'Wirtschaftsförderung, e.g. Wirtschaftsregion Heilbronn-Franken GmbH (WHF)' },
    MUNICIPALITY: { description: 'Kommune, Landkreis, Regionalverband' },
    EDUCATION: { description: 'Hochschule, Schule, Bildungsträger' },
    WELCOME_CENTER: { description: 'Welcome Center for international skilled workers' },
    OTHER: { description: 'Any other kind' },
  },
});
