import { registerEnumType } from '@nestjs/graphql';

export enum RegionKind {
  STATE = 'STATE',
  REGION = 'REGION',
  DISTRICT = 'DISTRICT',
}
registerEnumType(RegionKind, {
  name: 'RegionKind',
  description: 'Land, Region (Regionalverband) or Stadt-/Landkreis.',
  valuesMap: {
    STATE: { description: 'Land' },
    REGION: { description: 'Region (Regionalverband)' },
    DISTRICT: { description: 'Stadt- or Landkreis' },
  },
});
