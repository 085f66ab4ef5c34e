import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { OrganisationNameEntity } from './organisation-name.entity';
import { OrganisationEntity } from './organisation.entity';

const BY_ID = Symbol('organisation.byId');
const NAME_HISTORY = Symbol('organisation.nameHistory');

@Injectable()
export class OrganisationsLoader {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(OrganisationNameEntity) private readonly names: Repository<OrganisationNameEntity>,
  ) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, OrganisationEntity | null>(BY_ID, async (ids) =>
      oneByKey(ids, await this.organisations.findBy({ id: In([...ids]) }), (o) => o.id),
    );
  }

  /** Every name of each organisation, oldest first; a name with no start is the oldest. */
  nameHistory(loaders: RequestLoaders) {
    return loaders.get<string, OrganisationNameEntity[]>(NAME_HISTORY, async (organisationIds) =>
      manyByKey(
        organisationIds,
        await this.names.find({
          where: { organisationId: In([...organisationIds]) },
          order: { validFrom: { direction: 'ASC', nulls: 'FIRST' }, validTo: { direction: 'ASC', nulls: 'LAST' }, id: 'ASC' },
        }),
        (n) => n.organisationId,
      ),
    );
  }
}
