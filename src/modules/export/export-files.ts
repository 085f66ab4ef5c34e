import { AREAS_SQL, AreaRow } from './areas.sql';
import { BOM, csvRecord } from './csv';
import { ExportFile, ExportQuery, rowsOf } from './export-stream';
import { ALLIANCE_MEMBERSHIPS_SQL, MEMBERSHIP_COLUMNS, MembershipRow, ROLES_SQL, roleAsMembership, RoleRow } from './memberships.sql';
import { ALLIANCES_SQL, ORGANISATION_COLUMNS, ORGANISATIONS_SQL, OrganisationRow } from './organisations.sql';
import { PEOPLE_SQL, PERSON_COLUMNS, PersonRow } from './people.sql';
import { popoloArea, popoloMembership, popoloOrganization, popoloPerson } from './popolo';
import { displayName } from '../people/display-name';

/** What every file name starts with; the day it is as of follows. */
const PREFIX = 'allianzregister';

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

/** One record per line, so that the file reads and diffs line by line. */
const JSON_RECORDS = ',\n';

/** Popolo JSON: organizations (alliances, then organisations), persons, memberships (of alliances, then roles) and areas. */
export function popoloFile(day: string): ExportFile {
  const json = (value: unknown) => JSON.stringify(value);
  return {
    fileName: `${PREFIX}-popolo-${day}.json`,
    contentType: 'application/json; charset=utf-8',
    parts: [
      `{"meta":${json({ as_of: day })},\n"organizations":[\n`,
      {
        queries: [
          rowsOf<OrganisationRow>(ALLIANCES_SQL, (row) => json(popoloOrganization(row))),
          rowsOf<OrganisationRow>(ORGANISATIONS_SQL, (row) => json(popoloOrganization(row))),
        ],
        separator: JSON_RECORDS,
      },
      '\n],\n"persons":[\n',
      { queries: [rowsOf<PersonRow>(PEOPLE_SQL, (row) => json(popoloPerson(row)))], separator: JSON_RECORDS },
      '\n],\n"memberships":[\n',
      {
        queries: [
          rowsOf<MembershipRow>(ALLIANCE_MEMBERSHIPS_SQL, (row) => json(popoloMembership(row))),
          rowsOf<RoleRow>(ROLES_SQL, (row) => json(popoloMembership(roleAsMembership(row)))),
        ],
        separator: JSON_RECORDS,
      },
      '\n],\n"areas":[\n',
      { queries: [rowsOf<AreaRow>(AREAS_SQL, (row) => json(popoloArea(row)))], separator: JSON_RECORDS },
      '\n]}\n',
    ],
  };
}

/** A CSV file: the byte order mark and the header record, then a record per row of the statements. */
function csvFile(name: string, day: string, columns: readonly string[], separator: string, queries: ExportQuery[]): ExportFile {
  return {
    fileName: `${PREFIX}-${name}-${day}.csv`,
    contentType: CSV_TYPE,
    parts: [BOM + csvRecord(columns, separator), { queries, separator: '' }],
  };
}

/** Alliances, then organisations: the Popolo organizations as a table, without their lists (other names, links, sources). */
export function organisationsCsv(day: string, separator: string): ExportFile {
  const record = (row: OrganisationRow) =>
    csvRecord(
      ORGANISATION_COLUMNS.map((column) => row[column]),
      separator,
    );
  return csvFile('organisations', day, ORGANISATION_COLUMNS, separator, [rowsOf(ALLIANCES_SQL, record), rowsOf(ORGANISATIONS_SQL, record)]);
}

export function peopleCsv(day: string, separator: string): ExportFile {
  const record = (row: PersonRow) =>
    csvRecord(
      [
        row.id,
        displayName({ honorificPrefix: row.honorific_prefix, givenName: row.given_name, familyName: row.family_name }),
        row.honorific_prefix,
        row.given_name,
        row.family_name,
      ],
      separator,
    );
  return csvFile('people', day, PERSON_COLUMNS, separator, [rowsOf(PEOPLE_SQL, record)]);
}

/** Memberships of alliances, then people's roles, each period a record. */
export function membershipsCsv(day: string, separator: string): ExportFile {
  const record = (row: MembershipRow) =>
    csvRecord(
      MEMBERSHIP_COLUMNS.map((column) => row[column]),
      separator,
    );
  return csvFile('memberships', day, MEMBERSHIP_COLUMNS, separator, [
    rowsOf(ALLIANCE_MEMBERSHIPS_SQL, record),
    rowsOf(ROLES_SQL, (row: RoleRow) => record(roleAsMembership(row))),
  ]);
}
