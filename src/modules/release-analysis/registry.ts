import { periodContains } from '../../common/period';
import { OrganisationKind } from '../organisations/organisation.enums';

/** What the analysis compares a release with: the registry's records, as plain data. */
export interface Registry {
  organisations: RegistryOrganisation[];
  people: RegistryPerson[];
  alliances: RegistryAlliance[];
}

export interface RegistryOrganisation {
  id: string;
  kind: OrganisationKind;
  shortName: string | null;
  /** Every name it had, has or will have, each with its half-open period. */
  names: { name: string; validFrom: string | null; validTo: string | null }[];
}

export interface RegistryPerson {
  id: string;
  honorificPrefix: string | null;
  givenName: string;
  familyName: string;
  roles: { organisationId: string; title: string; validFrom: string | null; validTo: string | null }[];
}

export interface RegistryAlliance {
  id: string;
  name: string;
}

/** Whether a half-open period (open ends allowed) contains the day; no day known: every period does. */
export const validOn = (period: { validFrom: string | null; validTo: string | null }, day: string | null) =>
  day === null || periodContains(period.validFrom, period.validTo, day);
