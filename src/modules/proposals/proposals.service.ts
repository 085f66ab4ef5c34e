import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMay, grantOf } from '../../auth/policy';
import { badInput, DomainError, notFound } from '../../common/domain-error';
import { today } from '../../common/dates';
import { keysetPage, Page } from '../../database/keyset-page';
import { insertAudited, staleVersion, writeVersioned } from '../../database/versioned-write';
import { OrganisationsService } from '../organisations/organisations.service';
import { PeopleService } from '../people/people.service';
import { RegionsService } from '../regions/regions.service';
import { ChangeProposalEntity } from './change-proposal.entity';
import { ProposalFilter, ProposeOrganisationChangeInput, ProposePersonChangeInput } from './dto/proposal.inputs';
import { ProposalEntityType, ProposalStatus } from './proposal.enums';

type OrganisationChanges = Omit<ProposeOrganisationChangeInput, 'organisationId' | 'expectedVersion' | 'note'>;
type PersonChanges = Omit<ProposePersonChangeInput, 'personId' | 'expectedVersion' | 'note'>;

/** The fields the caller gave (null included: it clears a field), as the proposal's changes keep them. */
function given<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function assertSomeChange(changes: object, fields: string): void {
  if (Object.keys(changes).length === 0) throw badInput('input', `Propose at least one change: ${fields}`);
}

function assertOpen(proposal: ChangeProposalEntity): void {
  if (proposal.status !== ProposalStatus.OPEN) {
    throw badInput('status', `The proposal is ${proposal.status}; only an OPEN proposal can be accepted, rejected or withdrawn`);
  }
}

function close(proposal: ChangeProposalEntity, actor: Actor, status: ProposalStatus): void {
  proposal.status = status;
  proposal.decidedBy = actor.sub;
  proposal.decidedAt = new Date();
}

/**
 * Change proposals to shared organisations and people. Who may propose, accept, reject and
 * withdraw is POLICY's (auth/policy.ts): anyone who writes proposes, ADMIN and EDITOR decide, the
 * proposer alone withdraws; a coordinator sees only its own.
 * An accepted change is written through the owning service's write, on the acceptance's
 * transaction: the record and the proposal change together, or neither does.
 */
@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ChangeProposalEntity) private readonly proposals: Repository<ChangeProposalEntity>,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleService,
    private readonly regions: RegionsService,
  ) {}

  /** Newest first. Those who decide proposals (ministry staff) see every one, a coordinator only those it made. */
  list(actor: Actor, filter: ProposalFilter = {}, page: { first: number; after?: string }): Promise<Page<ChangeProposalEntity>> {
    const query = this.proposals.createQueryBuilder('p');
    if (grantOf('acceptProposal', actor.role) !== 'any') query.andWhere('p.proposedBy = :self', { self: actor.sub });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.entityId) query.andWhere('p.entityId = :entityId', { entityId: filter.entityId });
    if (filter.proposedBy) query.andWhere('p.proposedBy = :proposedBy', { proposedBy: filter.proposedBy });
    return keysetPage(query, page, {
      expression: 'p.proposedAt',
      valueOf: (p) => p.proposedAt.toISOString(),
      direction: 'DESC',
      instant: true,
    });
  }

  async proposeOrganisationChange(actor: Actor, input: ProposeOrganisationChangeInput): Promise<ChangeProposalEntity> {
    const { organisationId, expectedVersion, note, ...fields } = input;
    const changes = given<OrganisationChanges>(fields);
    assertSomeChange(changes, 'shortName, kind, regionId, website, or name with validFrom');
    // A proposal is made today, against the record as it stands.
    const organisation = await this.organisations.find(organisationId, today());
    if (!organisation) throw notFound('Organisation', organisationId, 'organisationId');
    if (organisation.version !== expectedVersion) throw staleVersion('Organisation', organisationId, organisation.version, expectedVersion);
    // Refused now rather than at acceptance, where it could only be rejected.
    if (changes.regionId && !(await this.regions.find(changes.regionId))) throw notFound('Region', changes.regionId, 'regionId');
    return this.propose(
      actor,
      'proposeOrganisationChange',
      ProposalEntityType.ORGANISATION,
      organisationId,
      expectedVersion,
      changes,
      note,
    );
  }

  async proposePersonChange(actor: Actor, input: ProposePersonChangeInput): Promise<ChangeProposalEntity> {
    const { personId, expectedVersion, note, ...fields } = input;
    const changes = given<PersonChanges>(fields);
    assertSomeChange(changes, 'honorificPrefix, givenName or familyName');
    const person = await this.people.find(personId);
    if (!person) throw notFound('Person', personId, 'personId');
    if (person.version !== expectedVersion) throw staleVersion('Person', personId, person.version, expectedVersion);
    return this.propose(actor, 'proposePersonChange', ProposalEntityType.PERSON, personId, expectedVersion, changes, note);
  }

  /** Writes the proposed change as it was proposed, by the accepter, and closes the proposal: one transaction. */
  accept(actor: Actor, id: string, expectedVersion: number): Promise<ChangeProposalEntity> {
    return this.dataSource.transaction((manager) =>
      writeVersioned(manager, actor, {
        entity: ChangeProposalEntity,
        entityType: 'ChangeProposal',
        id,
        expectedVersion,
        action: 'acceptProposal',
        check: async (proposal) => {
          await assertMay(manager, actor, 'acceptProposal');
          assertOpen(proposal);
        },
        change: async (proposal) => {
          await this.apply(manager, actor, proposal);
          close(proposal, actor, ProposalStatus.ACCEPTED);
        },
      }),
    );
  }

  reject(actor: Actor, id: string, expectedVersion: number, reason: string): Promise<ChangeProposalEntity> {
    return this.dataSource.transaction((manager) =>
      writeVersioned(manager, actor, {
        entity: ChangeProposalEntity,
        entityType: 'ChangeProposal',
        id,
        expectedVersion,
        action: 'rejectProposal',
        check: async (proposal) => {
          await assertMay(manager, actor, 'rejectProposal');
          assertOpen(proposal);
        },
        change: (proposal) => {
          close(proposal, actor, ProposalStatus.REJECTED);
          proposal.reason = reason;
        },
      }),
    );
  }

  withdraw(actor: Actor, id: string, expectedVersion: number): Promise<ChangeProposalEntity> {
    return this.dataSource.transaction((manager) =>
      writeVersioned(manager, actor, {
        entity: ChangeProposalEntity,
        entityType: 'ChangeProposal',
        id,
        expectedVersion,
        action: 'withdrawProposal',
        check: async (proposal) => {
          await assertMay(manager, actor, 'withdrawProposal', proposal);
          assertOpen(proposal);
        },
        change: (proposal) => close(proposal, actor, ProposalStatus.WITHDRAWN),
      }),
    );
  }

  private propose(
    actor: Actor,
    action: 'proposeOrganisationChange' | 'proposePersonChange',
    entityType: ProposalEntityType,
    entityId: string,
    baseVersion: number,
    changes: object,
    note: string | null | undefined,
  ): Promise<ChangeProposalEntity> {
    return this.dataSource.transaction(async (manager) => {
      await assertMay(manager, actor, action);
      return insertAudited(manager, actor, {
        entity: ChangeProposalEntity,
        entityType: 'ChangeProposal',
        action,
        values: { entityType, entityId, baseVersion, changes: { ...changes }, note: note || null, proposedBy: actor.sub },
      });
    });
  }

  /**
   * The proposed write, as if the accepter had made it with expectedVersion = baseVersion. An
   * organisation's update and rename are two writes, in that order, each with its audit event;
   * every audit event of an accepted proposal carries proposedBy and proposalId beside the fields.
   */
  private async apply(manager: EntityManager, actor: Actor, proposal: ChangeProposalEntity): Promise<void> {
    const audited = { proposedBy: proposal.proposedBy, proposalId: proposal.id };
    const { entityId: id, baseVersion } = proposal;
    try {
      if (proposal.entityType === ProposalEntityType.PERSON) {
        await this.people.applyPersonUpdate(
          manager,
          actor,
          { id, expectedVersion: baseVersion, ...(proposal.changes as PersonChanges) },
          audited,
        );
        return;
      }
      const { name, validFrom, ...update } = proposal.changes as OrganisationChanges;
      let version = baseVersion;
      if (Object.keys(update).length > 0) {
        version = (await this.organisations.applyUpdate(manager, actor, { id, expectedVersion: version, ...update }, audited)).version;
      }
      if (name !== undefined && validFrom !== undefined) {
        await this.organisations.applyRename(manager, actor, { id, expectedVersion: version, name, validFrom }, audited);
      }
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') throw movedOn(proposal, error);
      throw error;
    }
  }
}

/** The record's CONFLICT, told as the accepter needs it: the record changed after the proposal was made. */
function movedOn(proposal: ChangeProposalEntity, conflict: DomainError): DomainError {
  const { entityType, entityId, baseVersion } = proposal;
  return new DomainError(
    'CONFLICT',
    `${entityType} ${entityId} has changed since the proposal was made against its version ${baseVersion}; reject the proposal, or propose the change again`,
    { currentVersion: conflict.details.currentVersion, baseVersion },
  );
}
