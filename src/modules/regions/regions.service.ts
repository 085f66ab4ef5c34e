import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { RegionKind } from './region.enums';
import { RegionEntity } from './region.entity';

/** Regions are reference data, written by migrations; the API only reads them. */
@Injectable()
export class RegionsService {
  constructor(@InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>) {}

  find(id: string): Promise<RegionEntity | null> {
    return this.regions.findOneBy({ id });
  }

  list(filter: { kind?: RegionKind; parentId?: string }): Promise<RegionEntity[]> {
    const where: FindOptionsWhere<RegionEntity> = {};
    if (filter.kind) where.kind = filter.kind;
    if (filter.parentId) where.parentId = filter.parentId;
    return this.regions.find({ where, order: { code: 'ASC', name: 'ASC' } });
  }
}
