import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlainRows } from '../../database/plain-rows';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { ReleaseLinkEntity } from './release-link.entity';
import { ReleaseQuoteEntity } from './release-quote.entity';
import { ReleaseEntity } from './release.entity';

const BY_ID = Symbol('release.byId');
const LINKS_BY_RELEASE = Symbol('release.linksByRelease');
const QUOTES_BY_RELEASE = Symbol('release.quotesByRelease');
const SOURCES_BY_ENTITY = Symbol('release.sourcesByEntity');

/** Links and quotes keep the order the release gives them in. */
export const AS_GIVEN = 'position ASC';

/** Newest first. */
export const RELEASE_ORDER = 'published_on DESC, id DESC';

/** Archived releases are no record's source: they leave `sources` (and the releases list) until restored. */
const LISTED_RELEASE = 'archived_at IS NULL';

/** The releases that link to a record or quote it (`record` is its id), as SOURCES_SQL finds them. */
export const sourcesOf = (record: string) =>
  `id IN (SELECT release_id FROM release_link WHERE entity_id = ${record} UNION SELECT release_id FROM release_quote WHERE person_id = ${record}) AND ${LISTED_RELEASE}`;

/**
 * A release row (not archived) per record it links to or quotes, newest first. UNION, not UNION
 * ALL: a release that both links to and quotes a person is one source of that person, not two.
 */
const SOURCES_SQL = `
  SELECT s.entity_id AS "key", r.id, r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.title,
         r.published_on AS "publishedOn", r.publisher_id AS "publisherId", r.url, r.body, r.created_by AS "createdBy"
  FROM (SELECT release_id, entity_id FROM release_link WHERE entity_id = ANY($1::uuid[])
        UNION
        SELECT release_id, person_id FROM release_quote WHERE person_id = ANY($1::uuid[])) s
  JOIN release r ON r.id = s.release_id
  WHERE r.${LISTED_RELEASE}
  ORDER BY r.published_on DESC, r.id DESC`;

@Injectable()
export class ReleasesLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rows: PlainRows,
  ) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, ReleaseEntity | null>(BY_ID, async (ids) =>
      oneByKey(ids, await this.rows.byKeys(ReleaseEntity, 'id', ids), (r) => r.id),
    );
  }

  /** The records a release links to, in the order they were given. */
  linksByRelease(loaders: RequestLoaders) {
    return loaders.get<string, ReleaseLinkEntity[]>(LINKS_BY_RELEASE, async (releaseIds) =>
      manyByKey(releaseIds, await this.rows.byKeys(ReleaseLinkEntity, 'releaseId', releaseIds, { orderBy: AS_GIVEN }), (l) => l.releaseId),
    );
  }

  /** The quotes of a release, in the order they were given. */
  quotesByRelease(loaders: RequestLoaders) {
    return loaders.get<string, ReleaseQuoteEntity[]>(QUOTES_BY_RELEASE, async (releaseIds) =>
      manyByKey(releaseIds, await this.rows.byKeys(ReleaseQuoteEntity, 'releaseId', releaseIds, { orderBy: AS_GIVEN }), (q) => q.releaseId),
    );
  }

  /** Keyed by the id of any record: the releases (not archived) that link to it (for a person, also those that quote them), newest first. */
  sourcesByEntity(loaders: RequestLoaders) {
    return loaders.get<string, ReleaseEntity[]>(SOURCES_BY_ENTITY, async (entityIds) => {
      const rows: (ReleaseEntity & { key: string })[] = await this.dataSource.query(SOURCES_SQL, [entityIds]);
      return manyByKey(entityIds, rows, (row) => row.key);
    });
  }
}
