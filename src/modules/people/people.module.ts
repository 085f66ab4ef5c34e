import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PeopleResolver } from './people.resolver';
import { PeopleService } from './people.service';
import { PersonEntity } from './person.entity';
import { OrganisationRolesResolver, RoleRelationsResolver } from './role-relations.resolver';
import { RoleEntity } from './role.entity';

@Module({
  imports: [TypeOrmModule.forFeature([PersonEntity, RoleEntity]), OrganisationsModule],
  providers: [PeopleService, PeopleResolver, RoleRelationsResolver, OrganisationRolesResolver],
  exports: [PeopleService],
})
export class PeopleModule {}
