import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from './region.entity';
import { RegionsLoader } from './regions.loader';
import { RegionsResolver } from './regions.resolver';
import { RegionsService } from './regions.service';

@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity])],
  providers: [RegionsService, RegionsLoader, RegionsResolver],
  exports: [RegionsService, RegionsLoader],
})
export class RegionsModule {}
