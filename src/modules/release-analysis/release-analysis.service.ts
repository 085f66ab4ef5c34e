import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { assertMay } from '../../auth/policy';
import { DomainError, FieldError } from '../../common/domain-error';
import { databaseErrorToDomain } from '../../database/database-errors';
import { RequestLoaders } from '../../graphql/request-loaders';
import { AlliancesService } from '../alliances/alliances.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { PeopleService } from '../people/people.service';
import { LinkedEntityType } from '../releases/release.enums';
import { ReleaseEntity } from '../releases/release.entity';
import { ReleasesService } from '../releases/releases.service';
import { analyse, Analysis } from './analyse';
import { ImportReleaseInput, NEW_ORGANISATION, NEW_PERSON } from './dto/release-analysis.inputs';
import { fold } from './german';
import { readRelease } from './release-text';

/** Capitalised words: the family names a release may name. */
const CAPITALISED = /(?<![\p{L}-])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}])/gu;

/**
 * Runs a part of the import whose errors name fields of its own input ("links[1].entityId", or
 * "regionId" from a foreign key), so that they name them within the import's input instead.
 */
async function naming<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const domain = error instanceof DomainError ? error : databaseErrorToDomain(error);
    if (!domain) throw error;
    const fields = domain.details.fields?.map(({ field, message }) => ({ field: `${prefix}${field}`, message }));
    throw new DomainError(domain.code, domain.message, { ...domain.details, ...(fields ? { fields } : {}) });
  }
}

@Injectable()
export class ReleaseAnalysisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleService,
    private readonly alliances: AlliancesService,
    private readonly releases: ReleasesService,
  ) {}

  /**
   * Reads a release against the registry; writes nothing. The registry is read in four
   * statements: every organisation with its names, every alliance, and the people whose family
   * name is a capitalised word of the release, with their roles.
   */
  async analyse(text: string, publishedOn: string | null): Promise<Analysis> {
    const words = [...new Set([...readRelease(text).text.matchAll(CAPITALISED)].flatMap(([word]) => [fold(word), word.toLowerCase()]))];
    const [organisations, alliances, people] = await Promise.all([
      this.organisations.namesOfAll(),
      this.alliances.namesOfAll(),
      this.people.withFamilyNames(words),
    ]);
    return analyse(text, { organisations, alliances, people }, publishedOn);
  }

  /**
   * Imports a release: the new organisations and people first, then the release with its links
   * and quotes, which may name them ("new:0", "newPerson:0"); every record with its audit event,
   * in one transaction. A reference to no record, new or old, is NOT_FOUND naming its field, before
   * anything is written.
   */
  async import(actor: Actor, input: ImportReleaseInput, loaders: RequestLoaders): Promise<ReleaseEntity> {
    const newOrganisations = input.newOrganisations ?? [];
    const newPeople = input.newPeople ?? [];
    const pending = new Map<string, LinkedEntityType>();
    const missing: FieldError[] = [];
    const references = [
      ...(input.release.publisherId ? [{ field: 'release.publisherId', id: input.release.publisherId }] : []),
      ...(input.release.links ?? []).map((link, index) => ({ field: `release.links[${index}].entityId`, id: link.entityId })),
      ...(input.release.quotes ?? []).map((quote, index) => ({ field: `release.quotes[${index}].personId`, id: quote.personId })),
    ];
    for (const { field, id } of references) {
      const organisation = NEW_ORGANISATION.exec(id);
      const person = NEW_PERSON.exec(id);
      if (organisation && Number(organisation[1]) < newOrganisations.length) pending.set(id, LinkedEntityType.ORGANISATION);
      else if (person && Number(person[1]) < newPeople.length) pending.set(id, LinkedEntityType.PERSON);
      else if (organisation || person) missing.push({ field, message: `${id} names none of the records this import creates` });
    }
    if (missing.length) throw new DomainError('NOT_FOUND', missing.map((m) => m.message).join('; '), { fields: missing });

    const checked = await naming('release.', () => this.releases.check(input.release, loaders, pending));
    return this.dataSource.transaction(async (manager) => {
      await assertMay(manager, actor, 'importRelease');
      const organisationIds: string[] = [];
      for (const [index, organisation] of newOrganisations.entries()) {
        const created = await naming(`newOrganisations[${index}].`, () => this.organisations.createWith(manager, actor, organisation));
        organisationIds.push(created.id);
      }
      const personIds: string[] = [];
      for (const [index, person] of newPeople.entries()) {
        personIds.push((await naming(`newPeople[${index}].`, () => this.people.createPersonWith(manager, actor, person))).id);
      }
      const idOf = (reference: string) => {
        const organisation = NEW_ORGANISATION.exec(reference);
        if (organisation) return organisationIds[Number(organisation[1])];
        const person = NEW_PERSON.exec(reference);
        return person ? personIds[Number(person[1])] : reference;
      };
      return this.releases.insertWith(manager, actor, checked, idOf, 'importRelease');
    });
  }
}
