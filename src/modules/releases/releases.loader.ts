import { Relation } from '../../database/relation';
import { ReleaseLinkEntity } from './release-link.entity';
import { ReleaseQuoteEntity } from './release-quote.entity';
import { ReleaseEntity } from './release.entity';

/**
 * What relations to releases, their links and quotes read, declared once (database/relation.ts):
 * the loaders' statements and the SQL projection are both built from these.
 */

/** The links or quotes of a release, in the order they were given. */
const asGiven = <T extends ReleaseLinkEntity | ReleaseQuoteEntity>(entity: new () => T): Relation<T> => ({
  entity,
  parentKey: 'id',
  by: 'release_id',
  many: true,
  orderBy: (r) => `${r}.position ASC, ${r}.id ASC`,
});

export const LINKS = asGiven(ReleaseLinkEntity);
export const QUOTES = asGiven(ReleaseQuoteEntity);

/**
 * The sources of any record: the releases (not archived) that link to it or, for a person, quote
 * them, newest first. UNION, not UNION ALL: a release that both links to and quotes a person is
 * one source of that person, not two. Archived releases are no record's source until restored.
 */
export const SOURCES: Relation<ReleaseEntity> = {
  entity: ReleaseEntity,
  parentKey: 'id',
  by: {
    from: '(SELECT entity_id AS record_id, release_id FROM release_link UNION SELECT person_id, release_id FROM release_quote)',
    key: 'record_id',
    row: 'release_id',
  },
  many: true,
  where: (r) => `${r}.archived_at IS NULL`,
  orderBy: (r) => `${r}.published_on DESC, ${r}.id DESC`,
};
