import { Injectable } from '@nestjs/common';
import { PlainRows } from '../../database/plain-rows';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { RegionEntity } from './region.entity';

const BY_ID = Symbol('region.byId');
const CHILDREN = Symbol('region.children');

@Injectable()
export class RegionsLoader {
  constructor(private readonly rows: PlainRows) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, RegionEntity | null>(BY_ID, async (ids) =>
      oneByKey(ids, await this.rows.byKeys(RegionEntity, 'id', ids), (r) => r.id),
    );
  }

  children(loaders: RequestLoaders) {
    return loaders.get<string, RegionEntity[]>(CHILDREN, async (parentIds) =>
      manyByKey(
        parentIds,
        await this.rows.byKeys(RegionEntity, 'parentId', parentIds, { orderBy: 'code ASC, name ASC, id ASC' }),
        (r) => r.parentId!,
      ),
    );
  }
}
