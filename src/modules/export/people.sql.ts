import { SourceRow, sourcesSql } from './export-sql';

/** A person who is not archived, with the sources (releases that link to or quote them) published by the day. */
export interface PersonRow {
  id: string;
  honorific_prefix: string | null;
  given_name: string;
  family_name: string;
  sources: SourceRow[];
}

/** The columns of people.csv, in order; `name` is the display name, as Person.displayName has it. */
export const PERSON_COLUMNS = ['id', 'name', 'honorific_prefix', 'given_name', 'family_name'] as const;

/** $1 the day: the people who are not archived, by id. */
export const PEOPLE_SQL = `
  SELECT p.id, p.honorific_prefix, p.given_name, p.family_name, ${sourcesSql('p.id')} AS sources
  FROM person p
  WHERE p.archived_at IS NULL
  ORDER BY p.id`;
