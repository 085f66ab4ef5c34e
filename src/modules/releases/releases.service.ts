import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMay } from '../../auth/policy';
import { badInput, DomainError, FieldError, notFound } from '../../common/domain-error';
import { existsOnSql } from '../../database/day-columns';
import { keysetPage, Page } from '../../database/keyset-page';
import { archiveVersioned, insertAudited, restoreVersioned, writeVersioned } from '../../database/versioned-write';
import type { Relation } from '../../database/relation';
import { RequestLoaders } from '../../graphql/request-loaders';
import { agreementOf } from '../agreements/agreements.loader';
import { allianceOf } from '../alliances/alliances.loader';
import { meetingOf } from '../meetings/meetings.loader';
import { organisationOf } from '../organisations/organisations.loader';
import { personOf } from '../people/people.loader';
import { CreateReleaseInput, QuoteInput, ReleaseFilter, ReleaseLinkInput, UpdateReleaseInput } from './dto/release.inputs';
import { ReleaseLinkEntity } from './release-link.entity';
import { ReleaseQuoteEntity } from './release-quote.entity';
import { LinkedEntityType, ReleaseRelation } from './release.enums';
import { ReleaseEntity } from './release.entity';

type LinkSnapshot = { relation: ReleaseRelation; entityType: LinkedEntityType; entityId: string };
type QuoteSnapshot = { personId: string; text: string };

const noRecord = (id: string) => `No alliance, organisation, person, agreement or meeting has the id ${id}`;

/** The record of each kind an id may name, whatever its date: a release may name a meeting still to come. */
const RECORDS: [LinkedEntityType, Relation][] = [
  [LinkedEntityType.ALLIANCE, allianceOf('id', { anyDay: true })],
  [LinkedEntityType.ORGANISATION, organisationOf('id')],
  [LinkedEntityType.PERSON, personOf('id')],
  [LinkedEntityType.AGREEMENT, agreementOf('id')],
  [LinkedEntityType.MEETING, meetingOf('id', { anyDay: true })],
];
const PERSON = personOf('id');
const ORGANISATION = organisationOf('id');

/** Whether a record of the relation's entity has the id, through the request's loaders. */
async function exists(loaders: RequestLoaders, relation: Relation, id: string): Promise<boolean> {
  return (await loaders.related(relation).load(id)).length > 0;
}

const snapshotOf = ({ relation, entityType, entityId }: LinkSnapshot): LinkSnapshot => ({ relation, entityType, entityId });
const quoteOf = ({ personId, text }: QuoteSnapshot): QuoteSnapshot => ({ personId, text });

/** A new release whose references check() has found; see insertWith. */
export interface CheckedRelease {
  input: CreateReleaseInput;
  publisherId: string | null;
  links: LinkSnapshot[];
  quotes: QuoteInput[];
}

/** What a release refers to by id, to be checked before anything is written. */
interface References {
  publisherId?: string | null;
  links?: ReleaseLinkInput[];
  quotes?: QuoteInput[];
}

@Injectable()
export class ReleasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ReleaseEntity) private readonly releases: Repository<ReleaseEntity>,
  ) {}

  /** One release, archived or not: a single record is always answered. */
  find(id: string): Promise<ReleaseEntity | null> {
    return this.releases.findOneBy({ id });
  }

  /** Newest first, as of `day`: releases published after it are left out. */
  list(filter: ReleaseFilter = {}, page: { first: number; after?: string }, day: string): Promise<Page<ReleaseEntity>> {
    const query = this.releases.createQueryBuilder('r').where(existsOnSql(ReleaseEntity, 'r', ':day')!, { day });
    if (!filter.includeArchived) query.andWhere('r.archivedAt IS NULL');
    // websearch_to_tsquery accepts any text (quotes, OR, -word) without a syntax error, unlike to_tsquery.
    if (filter.search) query.andWhere(`r.search @@ websearch_to_tsquery('german', :search)`, { search: filter.search });
    if (filter.publisherId) query.andWhere('r.publisherId = :publisherId', { publisherId: filter.publisherId });
    if (filter.from) query.andWhere('r.publishedOn >= :from', { from: filter.from });
    if (filter.to) query.andWhere('r.publishedOn <= :to', { to: filter.to });
    if (filter.linkedTo) {
      query.andWhere(
        `r.id IN (SELECT release_id FROM release_link WHERE entity_id = :linkedTo
                  UNION SELECT release_id FROM release_quote WHERE person_id = :linkedTo)`,
        { linkedTo: filter.linkedTo },
      );
    }
    return keysetPage(query, page, { expression: 'r.publishedOn', valueOf: (r) => r.publishedOn, direction: 'DESC', date: true });
  }

  /** Everything is checked before the transaction starts, so a bad link or quote writes nothing. */
  async create(actor: Actor, input: CreateReleaseInput, loaders: RequestLoaders): Promise<ReleaseEntity> {
    const checked = await this.check(input, loaders);
    return this.dataSource.transaction(async (manager) => {
      await assertMay(manager, actor, 'createRelease');
      return this.insertWith(manager, actor, checked);
    });
  }

  /**
   * A new release's links and references, checked: each record linked once (BAD_USER_INPUT), and
   * every id names a record (NOT_FOUND naming each field that does not). `pending` are references
   * to records the caller creates in the same transaction, with their kind (importRelease's
   * "new:0"); they are taken as they are and resolved by insertWith.
   */
  async check(input: CreateReleaseInput, loaders: RequestLoaders, pending = new Map<string, LinkedEntityType>()): Promise<CheckedRelease> {
    const links = input.links ?? [];
    const quotes = input.quotes ?? [];
    const publisherId = input.publisherId ?? null;

    const duplicates = links.flatMap((link, index) => {
      const first = links.findIndex((other) => other.entityId === link.entityId);
      return first < index ? [{ field: `links[${index}].entityId`, message: `links to the same record as links[${first}]` }] : [];
    });
    if (duplicates.length) throw new DomainError('BAD_USER_INPUT', 'A release links to each record once', { fields: duplicates });

    const types = await this.assertReferencesExist(loaders, { publisherId, links, quotes }, pending);
    const linkRows: LinkSnapshot[] = links.map((link) => ({ ...link, entityType: types.get(link.entityId)! }));
    return { input, publisherId, links: linkRows, quotes };
  }

  /**
   * Writes a checked release with its links, quotes and audit event in the caller's transaction.
   * `idOf` resolves the references to records created in the same transaction (see check).
   */
  async insertWith(
    manager: EntityManager,
    actor: Actor,
    checked: CheckedRelease,
    idOf: (reference: string) => string = (id) => id,
    action = 'createRelease',
  ): Promise<ReleaseEntity> {
    const { input } = checked;
    const publisherId = checked.publisherId && idOf(checked.publisherId);
    const linkRows = checked.links.map((link) => ({ ...link, entityId: idOf(link.entityId) }));
    const quotes = checked.quotes.map((quote) => ({ ...quote, personId: idOf(quote.personId) }));
    const release = await insertAudited(manager, actor, {
      entity: ReleaseEntity,
      entityType: 'Release',
      action,
      values: {
        title: input.title,
        publishedOn: input.publishedOn,
        publisherId,
        url: input.url ?? null,
        body: input.body ?? null,
        createdBy: actor.sub,
      },
      audited: { links: linkRows, quotes: quotes.map(quoteOf) },
    });
    if (linkRows.length)
      await manager.insert(
        ReleaseLinkEntity,
        linkRows.map((link, position) => ({ ...link, releaseId: release.id, position })),
      );
    await this.insertQuotes(manager, release.id, quotes);
    return release;
  }

  /**
   * Corrects a release. Quotes, when given, replace the old ones entirely, in the order given. An
   * unknown publisher or quoted person is NOT_FOUND before the transaction, so nothing is written.
   */
  async update(actor: Actor, input: UpdateReleaseInput, loaders: RequestLoaders): Promise<ReleaseEntity> {
    await this.assertReferencesExist(loaders, { publisherId: input.publisherId, quotes: input.quotes });
    return this.dataSource.transaction((manager) =>
      writeVersioned(manager, actor, {
        entity: ReleaseEntity,
        entityType: 'Release',
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: 'updateRelease',
        check: (release) => assertMay(manager, actor, 'updateRelease', release),
        change: async (release) => {
          if (input.title !== undefined) release.title = input.title;
          if (input.publishedOn !== undefined) release.publishedOn = input.publishedOn;
          if (input.publisherId !== undefined) release.publisherId = input.publisherId;
          if (input.url !== undefined) release.url = input.url;
          if (input.body !== undefined) release.body = input.body || null;
          if (input.quotes === undefined) return;
          const before = await manager.find(ReleaseQuoteEntity, { where: { releaseId: release.id }, order: { position: 'ASC' } });
          await manager.delete(ReleaseQuoteEntity, { releaseId: release.id });
          await this.insertQuotes(manager, release.id, input.quotes);
          return { before: { quotes: before.map(quoteOf) }, after: { quotes: input.quotes.map(quoteOf) } };
        },
      }),
    );
  }

  /**
   * Adds a link to a release; a link to a record it links to already changes that link's
   * relation, and repeating an existing link exactly is BAD_USER_INPUT. linkRelease takes no
   * expectedVersion (the contract's signature): it changes the release as it is when locked.
   */
  async link(actor: Actor, releaseId: string, input: ReleaseLinkInput, loaders: RequestLoaders): Promise<ReleaseEntity> {
    const entityId = input.entityId;
    const entityType = (await this.entityTypes(loaders, [entityId])).get(entityId);
    if (!entityType)
      throw new DomainError('NOT_FOUND', noRecord(entityId), { fields: [{ field: 'entityId', message: noRecord(entityId) }] });

    return this.dataSource.transaction(async (manager) => {
      const { version } = await lockRelease(manager, releaseId);
      return writeVersioned(manager, actor, {
        entity: ReleaseEntity,
        entityType: 'Release',
        id: releaseId,
        expectedVersion: version,
        action: 'linkRelease',
        check: (release) => assertMay(manager, actor, 'linkRelease', release),
        change: async () => {
          const links = await linksOf(manager, releaseId);
          const before = links.map(snapshotOf);
          const same = links.find((link) => link.entityId === entityId);
          if (same?.relation === input.relation)
            throw badInput('entityId', `The release ${input.relation.toLowerCase()} this record already`);
          const link: LinkSnapshot = { relation: input.relation, entityType, entityId };
          if (same) {
            await manager.update(ReleaseLinkEntity, { id: same.id }, { relation: input.relation });
          } else {
            const position = links.length ? links[links.length - 1].position + 1 : 0;
            await manager.insert(ReleaseLinkEntity, { ...link, releaseId, position });
          }
          const after = same ? before.map((other) => (other.entityId === entityId ? link : other)) : [...before, link];
          return { before: { links: before }, after: { links: after } };
        },
      });
    });
  }

  /** Removes a release's link to a record; the audit trail keeps it. A record it does not link to is NOT_FOUND naming entityId. */
  unlink(actor: Actor, releaseId: string, entityId: string, expectedVersion: number): Promise<ReleaseEntity> {
    return this.dataSource.transaction(async (manager) => {
      await lockRelease(manager, releaseId);
      return writeVersioned(manager, actor, {
        entity: ReleaseEntity,
        entityType: 'Release',
        id: releaseId,
        expectedVersion,
        action: 'unlinkRelease',
        check: (release) => assertMay(manager, actor, 'unlinkRelease', release),
        change: async () => {
          const links = await linksOf(manager, releaseId);
          const link = links.find((other) => other.entityId === entityId);
          if (!link) {
            const message = `The release does not link to ${entityId}`;
            throw new DomainError('NOT_FOUND', message, { fields: [{ field: 'entityId', message }] });
          }
          await manager.delete(ReleaseLinkEntity, { id: link.id });
          const before = links.map(snapshotOf);
          return { before: { links: before }, after: { links: before.filter((other) => other.entityId !== entityId) } };
        },
      });
    });
  }

  archive(actor: Actor, id: string, expectedVersion: number): Promise<ReleaseEntity> {
    return this.dataSource.transaction((manager) =>
      archiveVersioned(manager, actor, {
        entity: ReleaseEntity,
        entityType: 'Release',
        id,
        expectedVersion,
        check: (release) => assertMay(manager, actor, 'archiveRelease', release),
      }),
    );
  }

  restore(actor: Actor, id: string, expectedVersion: number): Promise<ReleaseEntity> {
    return this.dataSource.transaction((manager) =>
      restoreVersioned(manager, actor, {
        entity: ReleaseEntity,
        entityType: 'Release',
        id,
        expectedVersion,
        check: (release) => assertMay(manager, actor, 'restoreRelease', release),
      }),
    );
  }

  /**
   * NOT_FOUND naming every publisher, link and quoted person that names no record, all at once;
   * the kind of record each link names otherwise. Records are never deleted, so what exists
   * before the transaction still exists when it commits.
   */
  private async assertReferencesExist(
    loaders: RequestLoaders,
    references: References,
    pending = new Map<string, LinkedEntityType>(),
  ): Promise<Map<string, LinkedEntityType>> {
    const { publisherId, links = [], quotes = [] } = references;
    const isPending = (id: string, type: LinkedEntityType) => pending.get(id) === type;
    const [types, quoted, publisher] = await Promise.all([
      this.entityTypes(
        loaders,
        links.map((link) => link.entityId).filter((id) => !pending.has(id)),
      ),
      Promise.all(quotes.map((quote) => (pending.has(quote.personId) ? Promise.resolve(false) : exists(loaders, PERSON, quote.personId)))),
      publisherId && !pending.has(publisherId) ? exists(loaders, ORGANISATION, publisherId) : false,
    ]);
    for (const [id, type] of pending) if (links.some((link) => link.entityId === id)) types.set(id, type);
    const missing: FieldError[] = [
      ...(publisherId && !publisher && !isPending(publisherId, LinkedEntityType.ORGANISATION)
        ? [{ field: 'publisherId', message: `Organisation ${publisherId} does not exist` }]
        : []),
      ...links.flatMap((link, index) =>
        types.has(link.entityId) ? [] : [{ field: `links[${index}].entityId`, message: noRecord(link.entityId) }],
      ),
      ...quotes.flatMap((quote, index) =>
        quoted[index] || isPending(quote.personId, LinkedEntityType.PERSON)
          ? []
          : [{ field: `quotes[${index}].personId`, message: `Person ${quote.personId} does not exist` }],
      ),
    ];
    if (missing.length) throw new DomainError('NOT_FOUND', missing.map((m) => m.message).join('; '), { fields: missing });
    return types;
  }

  private async insertQuotes(manager: EntityManager, releaseId: string, quotes: QuoteInput[]): Promise<void> {
    if (quotes.length === 0) return;
    await manager.insert(
      ReleaseQuoteEntity,
      quotes.map((quote, position) => ({ ...quoteOf(quote), releaseId, position })),
    );
  }

  /** Which kind of record each id names: one statement per kind, however many ids. */
  private async entityTypes(loaders: RequestLoaders, ids: string[]): Promise<Map<string, LinkedEntityType>> {
    const found = await Promise.all(RECORDS.map(([, relation]) => Promise.all(ids.map((id) => exists(loaders, relation, id)))));
    const types = new Map<string, LinkedEntityType>();
    RECORDS.forEach(([type], kind) => found[kind].forEach((record, index) => record && types.set(ids[index], type)));
    return types;
  }
}

/**
 * Locks the release a link mutation names before writeVersioned locks it again: a missing one is
 * NOT_FOUND naming the argument, releaseId, and linkRelease learns the version it writes on top of.
 * The lock also queues concurrent link changes of one release, so positions do not collide.
 */
async function lockRelease(manager: EntityManager, releaseId: string): Promise<ReleaseEntity> {
  const release = await manager.findOne(ReleaseEntity, { where: { id: releaseId }, lock: { mode: 'pessimistic_write' } });
  if (!release) throw notFound('Release', releaseId, 'releaseId');
  return release;
}

function linksOf(manager: EntityManager, releaseId: string): Promise<ReleaseLinkEntity[]> {
  return manager.find(ReleaseLinkEntity, { where: { releaseId }, order: { position: 'ASC' } });
}
