import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, Repository } from 'typeorm';
import { Actor, isMinistry } from '../../auth/actor';
import { AuditService } from '../../audit/audit.service';
import { badInput, DomainError, FieldError, forbidden, notFound } from '../../common/domain-error';
import { keysetPage, Page } from '../../database/keyset-page';
import { RequestLoaders } from '../../graphql/request-loaders';
import { AgreementsLoader } from '../agreements/agreements.loader';
import { AlliancesLoader } from '../alliances/alliances.loader';
import { MeetingsLoader } from '../meetings/meetings.loader';
import { OrganisationsLoader } from '../organisations/organisations.loader';
import { PeopleLoader } from '../people/people.loader';
import { CreateReleaseInput, ReleaseFilter, ReleaseLinkInput } from './dto/release.inputs';
import { ReleaseLinkEntity } from './release-link.entity';
import { ReleaseQuoteEntity } from './release-quote.entity';
import { LinkedEntityType, ReleaseRelation } from './release.enums';
import { ReleaseEntity } from './release.entity';

type LinkSnapshot = { relation: ReleaseRelation; entityType: LinkedEntityType; entityId: string };

const noRecord = (id: string) => `No alliance, organisation, person, agreement or meeting has the id ${id}`;

const snapshotOf = ({ relation, entityType, entityId }: LinkSnapshot): LinkSnapshot => ({ relation, entityType, entityId });

/** Ministry staff change every release; a coordinator only the releases it created. */
function assertMayChange(actor: Actor, release: ReleaseEntity): void {
  if (isMinistry(actor) || (actor.role === 'COORDINATOR' && release.createdBy === actor.sub)) return;
  throw forbidden('You may change only the releases you created');
}

@Injectable()
export class ReleasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ReleaseEntity) private readonly releases: Repository<ReleaseEntity>,
    private readonly audit: AuditService,
    private readonly alliances: AlliancesLoader,
    private readonly organisations: OrganisationsLoader,
    private readonly people: PeopleLoader,
    private readonly agreements: AgreementsLoader,
    private readonly meetings: MeetingsLoader,
  ) {}

  find(id: string): Promise<ReleaseEntity | null> {
    return this.releases.findOneBy({ id });
  }

  list(filter: ReleaseFilter = {}, page: { first: number; after?: string }): Promise<Page<ReleaseEntity>> {
    const query = this.releases.createQueryBuilder('r');
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
    const links = input.links ?? [];
    const quotes = input.quotes ?? [];
    const publisherId = input.publisherId ?? null;

    const duplicates = links.flatMap((link, index) => {
      const first = links.findIndex((other) => other.entityId === link.entityId);
      return first < index ? [{ field: `links[${index}].entityId`, message: `links to the same record as links[${first}]` }] : [];
    });
    if (duplicates.length) throw new DomainError('BAD_USER_INPUT', 'A release links to each record once', { fields: duplicates });

    const [types, quoted, publisher] = await Promise.all([
      this.entityTypes(
        loaders,
        links.map((link) => link.entityId),
      ),
      Promise.all(quotes.map((quote) => this.people.byId(loaders).load(quote.personId))),
      publisherId ? this.organisations.byId(loaders).load(publisherId) : null,
    ]);
    const missing: FieldError[] = [
      ...(publisherId && !publisher ? [{ field: 'publisherId', message: `Organisation ${publisherId} does not exist` }] : []),
      ...links.flatMap((link, index) =>
        types.has(link.entityId) ? [] : [{ field: `links[${index}].entityId`, message: noRecord(link.entityId) }],
      ),
      ...quotes.flatMap((quote, index) =>
        quoted[index] ? [] : [{ field: `quotes[${index}].personId`, message: `Person ${quote.personId} does not exist` }],
      ),
    ];
    if (missing.length) throw new DomainError('NOT_FOUND', missing.map((m) => m.message).join('; '), { fields: missing });

    const linkRows: LinkSnapshot[] = links.map((link) => ({ ...link, entityType: types.get(link.entityId)! }));
    return this.dataSource.transaction(async (manager) => {
      const release = await manager.save(
        manager.create(ReleaseEntity, {
          title: input.title,
          publishedOn: input.publishedOn,
          publisherId,
          url: input.url ?? null,
          body: input.body ?? null,
          createdBy: actor.sub,
        }),
      );
      if (linkRows.length)
        await manager.insert(
          ReleaseLinkEntity,
          linkRows.map((link, position) => ({ ...link, releaseId: release.id, position })),
        );
      if (quotes.length)
        await manager.insert(
          ReleaseQuoteEntity,
          quotes.map((quote, position) => ({ ...quote, releaseId: release.id, position })),
        );
      await this.audit.record(manager, actor, {
        action: 'createRelease',
        entityType: 'Release',
        entityId: release.id,
        before: null,
        // search is PostgreSQL's index of title and body: auditing it would only repeat them.
        after: { ...release, search: undefined, links: linkRows, quotes },
      });
      return release;
    });
  }

  /**
   * Adds a link to a release; a link to a record it links to already changes that link's
   * relation, and repeating an existing link exactly is BAD_USER_INPUT.
   */
  async link(actor: Actor, releaseId: string, input: ReleaseLinkInput, loaders: RequestLoaders): Promise<ReleaseEntity> {
    const existing = await this.releases.findOneBy({ id: releaseId });
    if (!existing) throw notFound('Release', releaseId, 'releaseId');
    assertMayChange(actor, existing);
    const entityId = input.entityId;
    const entityType = (await this.entityTypes(loaders, [entityId])).get(entityId);
    if (!entityType)
      throw new DomainError('NOT_FOUND', noRecord(entityId), { fields: [{ field: 'entityId', message: noRecord(entityId) }] });

    return this.dataSource.transaction(async (manager) => {
      // The row lock queues concurrent links of one release, so positions and versions do not collide;
      // releases are never deleted, so the release read above is still there.
      const release = (await manager.findOne(ReleaseEntity, { where: { id: releaseId }, lock: { mode: 'pessimistic_write' } }))!;
      const links = await manager.find(ReleaseLinkEntity, { where: { releaseId }, order: { position: 'ASC' } });
      const before = links.map(snapshotOf);
      const same = links.find((link) => link.entityId === entityId);
      if (same?.relation === input.relation) throw badInput('entityId', `The release ${input.relation.toLowerCase()} this record already`);
      const link: LinkSnapshot = { relation: input.relation, entityType, entityId };
      if (same) {
        await manager.update(ReleaseLinkEntity, { id: same.id }, { relation: input.relation });
      } else {
        const position = links.length ? links[links.length - 1].position + 1 : 0;
        await manager.insert(ReleaseLinkEntity, { ...link, releaseId, position });
      }
      release.version += 1;
      const saved = await manager.save(release);
      await this.audit.record(manager, actor, {
        action: 'linkRelease',
        entityType: 'Release',
        entityId: releaseId,
        before: { links: before },
        after: { links: same ? before.map((other) => (other.entityId === entityId ? link : other)) : [...before, link] },
      });
      return saved;
    });
  }

  /** Which kind of record each id names: one statement per kind, however many ids. */
  private async entityTypes(loaders: RequestLoaders, ids: string[]): Promise<Map<string, LinkedEntityType>> {
    const kinds: [LinkedEntityType, DataLoader<string, object | null>][] = [
      [LinkedEntityType.ALLIANCE, this.alliances.byId(loaders)],
      [LinkedEntityType.ORGANISATION, this.organisations.byId(loaders)],
      [LinkedEntityType.PERSON, this.people.byId(loaders)],
      [LinkedEntityType.AGREEMENT, this.agreements.byId(loaders)],
      [LinkedEntityType.MEETING, this.meetings.byId(loaders)],
    ];
    const found = await Promise.all(kinds.map(([, loader]) => Promise.all(ids.map((id) => loader.load(id)))));
    const types = new Map<string, LinkedEntityType>();
    kinds.forEach(([type], kind) => found[kind].forEach((record, index) => record && types.set(ids[index], type)));
    return types;
  }
}
