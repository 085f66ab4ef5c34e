import { Injectable } from '@nestjs/common';
import { PlainRows } from '../../database/plain-rows';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { OrganisationNameEntity } from './organisation-name.entity';
import { OrganisationEntity } from './organisation.entity';

const BY_ID = Symbol('organisation.byId');
const NAME_HISTORY = Symbol('organisation.nameHistory');

@Injectable()
export class OrganisationsLoader {
  constructor(private readonly rows: PlainRows) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, OrganisationEntity | null>(BY_ID, async (ids) =>
      oneByKey(ids, await this.rows.byKeys(OrganisationEntity, 'id', ids), (o) => o.id),
    );
  }

  /** Every name of each organisation, oldest first; a name with no start is the oldest. */
  nameHistory(loaders: RequestLoaders) {
    return loaders.get<string, OrganisationNameEntity[]>(NAME_HISTORY, async (organisationIds) =>
      manyByKey(
        organisationIds,
        await this.rows.byKeys(OrganisationNameEntity, 'organisationId', organisationIds, {
          orderBy: 'valid_from ASC NULLS FIRST, valid_to ASC NULLS LAST, id ASC',
        }),
        (n) => n.organisationId,
      ),
    );
  }
}
