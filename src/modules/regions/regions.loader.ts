import { Relation, rowById } from '../../database/relation';
import { RegionEntity } from './region.entity';

/**
 * What relations to regions read, declared once (database/relation.ts): the loaders' statements
 * and the SQL projection are both built from these.
 */

/** The region whose id a record's `parentKey` holds. */
export const regionOf = (parentKey: string): Relation<RegionEntity> => rowById(RegionEntity, parentKey);

/** The regions directly inside a region, by official code. */
export const REGION_CHILDREN: Relation<RegionEntity> = {
  entity: RegionEntity,
  parentKey: 'id',
  by: 'parent_id',
  many: true,
  orderBy: (r) => `${r}.code ASC, ${r}.name ASC, ${r}.id ASC`,
};
