import { enumSql } from './export-sql';

/** A region, as a Popolo area: what organizations' area_id names. */
export interface AreaRow {
  id: string;
  name: string;
  code: string | null;
  classification: string;
  parent_id: string | null;
}

/** Every region (state, regions, districts), by id. Regions are reference data: never archived, not dated. */
export const AREAS_SQL = `
  SELECT r.id, r.name, r.code, ${enumSql('r.kind')} AS classification, r.parent_id
  FROM region r
  ORDER BY r.id`;
