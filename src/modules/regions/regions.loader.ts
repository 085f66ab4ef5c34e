import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { RegionEntity } from './region.entity';

const BY_ID = Symbol('region.byId');
const CHILDREN = Symbol('region.children');

@Injectable()
export class RegionsLoader {
  constructor(@InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, RegionEntity | null>(BY_ID, async (ids) => oneByKey(ids, await this.regions.findBy({ id: In([...ids]) }), (r) => r.id));
  }

  children(loaders: RequestLoaders) {
    return loaders.get<string, RegionEntity[]>(CHILDREN, async (parentIds) =>
      manyByKey(parentIds, await this.regions.find({ where: { parentId: In([...parentIds]) }, order: { code: 'ASC', name: 'ASC' } }), (r) => r.parentId!),
    );
  }
}
