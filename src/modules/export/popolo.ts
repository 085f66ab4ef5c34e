import { displayName } from '../people/display-name';
import type { AreaRow } from './areas.sql';
import type { SourceRow } from './export-sql';
import type { MembershipRow } from './memberships.sql';
import type { OrganisationRow } from './organisations.sql';
import type { PersonRow } from './people.sql';

/**
 * The export's rows as Popolo objects (https://www.popoloproject.com/specs/): ids are the
 * registry's UUIDs, the same the API answers with; dates are ISO dates, end dates the last day
 * a period holds. Empty values are left out rather than written as null.
 */

type Json = string | boolean | Json[] | { [key: string]: Json };

/** The object without its null properties. */
function withoutNulls(object: { [key: string]: Json | null }): { [key: string]: Json } {
  const kept: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(object)) if (value !== null) kept[key] = value;
  return kept;
}

/** Popolo links: the releases a record was taken from, the title as the note. */
const links = (sources: SourceRow[]): Json[] => sources.map((source) => ({ url: source.url, note: source.title }));

/**
 * An alliance (classification "alliance", with its level and status, which Popolo has no terms
 * for) or an organisation (classification its kind). other_names holds the short name and the
 * names it had or will have on other days, each with its period.
 */
export function popoloOrganization(row: OrganisationRow) {
  const shortName = row.short_name ? [{ name: row.short_name, note: 'short name' }] : [];
  const otherNames = row.other_names.map((other) =>
    withoutNulls({
      name: other.name,
      start_date: other.start_date,
      end_date: other.end_date,
      note: other.future ? 'future name' : 'former name',
    }),
  );
  return withoutNulls({
    id: row.id,
    name: row.name,
    classification: row.classification,
    level: row.level,
    status: row.status,
    other_names: [...shortName, ...otherNames],
    area_id: row.region_id,
    founding_date: row.founding_date,
    links: row.website ? [{ url: row.website, note: 'website' }] : [],
    sources: links(row.sources),
  });
}

export function popoloPerson(row: PersonRow) {
  return withoutNulls({
    id: row.id,
    name: displayName({ honorificPrefix: row.honorific_prefix, givenName: row.given_name, familyName: row.family_name }),
    honorific_prefix: row.honorific_prefix,
    given_name: row.given_name,
    family_name: row.family_name,
    sources: links(row.sources),
  });
}

/**
 * An organisation's membership of an alliance, with the member as Popolo's `member`
 * ({"@type": "Organization", "id": …}), or a person's role, with person_id and the title as role.
 */
export function popoloMembership(row: MembershipRow) {
  const person = row.member_type === 'person';
  return withoutNulls({
    id: row.id,
    person_id: person ? row.member_id : null,
    member: person ? null : { '@type': 'Organization', id: row.member_id },
    organization_id: row.organisation_id,
    role: row.role,
    start_date: row.start_date,
    end_date: row.end_date,
  });
}

export function popoloArea(row: AreaRow) {
  return withoutNulls({ id: row.id, name: row.name, identifier: row.code, classification: row.classification, parent_id: row.parent_id });
}
