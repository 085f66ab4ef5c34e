import type { EntityManager } from 'typeorm';
import { currentMembershipSql } from '../database/current-membership';
import { today } from '../common/dates';
import { periodContainsSql } from '../common/period';
import { forbidden, notFound } from '../common/domain-error';
import type { Actor, Role } from './actor';

/*
 * Who may write what: the one rule of the contract's section "Coordinator scope and change
 * proposals", as a table (POLICY, one row per mutation) and the SQL that decides "own".
 *
 * A caller without a token gets UNAUTHENTICATED for every mutation. ADMIN and EDITOR (ministry
 * staff) write everything. READER writes nothing. A COORDINATOR, whose token names its alliances:
 *   - creates organisations, people and releases, and proposes changes to any organisation or
 *     person; it creates no alliance and writes no agreement or commitment, and only ministry staff
 *     accept or reject a proposal;
 *   - writes its alliances (those its token names), but not their level or region, and their
 *     memberships: it may add any existing organisation to them, and end, correct, re-role,
 *     archive and restore their memberships;
 *   - writes their meetings: a meeting of one of its alliances, or, when a meeting names no
 *     alliance, one under an agreement whose every party is one of its alliances;
 *   - writes the releases it created;
 *   - writes its organisations, and the roles at them. An organisation is its own when none of the
 *     organisation's current memberships is outside its alliances, and either the coordinator
 *     created the organisation or one of those current memberships (all in its alliances) was
 *     recorded by ministry staff;
 *   - writes its people: a person is its own when every current role of the person is at one of
 *     its own organisations, and either the coordinator created the person or one of those current
 *     roles was recorded by ministry staff.
 * "Recorded by ministry staff": organisation, person, membership and role keep in created_by the
 * sub of the coordinator that created them, and NULL when ministry staff did (or the system, or
 * anyone before the column existed). What a coordinator adds itself therefore never makes a
 * record its own: an organisation someone else created that it adds to its alliance (a membership
 * it recorded), or a person someone else created that it gives a role at its organisation (a role
 * it recorded), stays as writable to it as before, so adding an organisation to one's alliance
 * never widens what one may change. A membership that changeMembershipRole continues keeps the
 * created_by of the one it continues: a new role is no new membership.
 * A record that is also current outside its alliances (an organisation that is a current member
 * of another alliance, a person with a current role at an organisation that is not its own, a
 * meeting under an agreement with another alliance) is shared: a coordinator's direct write to it
 * is FORBIDDEN, even to one it created, and it proposes the change instead
 * (proposeOrganisationChange, proposePersonChange). Whoever proposed a change, whatever the role,
 * alone withdraws it.
 * "Current" is today in Europe/Berlin, as everywhere (common/current-membership.ts, common/dates.ts):
 * an archived organisation is no current member anywhere, so among coordinators only the one that
 * created it may restore it.
 *
 * The guard (access.guard.ts) refuses a role its grant of 'none' before anything runs; the services
 * ask assertMay inside the write's transaction, on the locked record, for the rest. README.md shows
 * POLICY as a table, and test/policy.e2e-spec.ts walks every mutation of the schema through it.
 */

/** What a role may do with an operation: with every record, with its own records only, or nothing. */
export type Grant = 'any' | 'own' | 'none';

/** The kinds of record an 'own' grant is decided on, each with what the service passes to decide it. */
export interface Subjects {
  /** An alliance, and a membership: the alliance's id. */
  alliance: { allianceId: string };
  /** An organisation, and a role: the organisation's id. */
  organisation: { organisationId: string };
  person: { personId: string };
  /** A meeting (recorded or existing): the alliance and agreement it names. */
  meeting: { allianceId: string | null; agreementId: string | null };
  /** A release, as its locked row says who created it. */
  release: { createdBy: string };
  /** A change proposal, as its locked row says who proposed it. */
  proposal: { proposedBy: string };
}
export type Owner = keyof Subjects;

/** One operation's row: what each role may do, whose records 'own' means, and what 'own' may not change. */
export interface Rule {
  grants: Readonly<Record<Role, Grant>>;
  owner?: Owner;
  /** Input fields that a caller with an 'own' grant may not change (FORBIDDEN when it does). */
  notForOwn?: readonly string[];
  /** The mutation that proposes the change instead, to a record that is not the caller's own. */
  instead?: string;
}

const MINISTRY = { grants: { ADMIN: 'any', EDITOR: 'any', COORDINATOR: 'none', READER: 'none' } } as const;
const WRITERS = { grants: { ADMIN: 'any', EDITOR: 'any', COORDINATOR: 'any', READER: 'none' } } as const;
const own = <O extends Owner>(owner: O) =>
  ({ grants: { ADMIN: 'any', EDITOR: 'any', COORDINATOR: 'own', READER: 'none' }, owner }) as const;
const PROPOSER = { grants: { ADMIN: 'own', EDITOR: 'own', COORDINATOR: 'own', READER: 'none' }, owner: 'proposal' } as const;

/** Every mutation of the schema, by its name: a mutation without a row here is refused to everyone. */
export const POLICY = {
  createAlliance: MINISTRY,
  updateAlliance: { ...own('alliance'), notForOwn: ['level', 'regionId'] },
  archiveAlliance: own('alliance'),
  restoreAlliance: own('alliance'),
  addMember: own('alliance'),
  endMembership: own('alliance'),
  changeMembershipRole: own('alliance'),
  correctMembership: own('alliance'),
  archiveMembership: own('alliance'),
  restoreMembership: own('alliance'),

  createOrganisation: WRITERS,
  updateOrganisation: { ...own('organisation'), instead: 'proposeOrganisationChange' },
  renameOrganisation: { ...own('organisation'), instead: 'proposeOrganisationChange' },
  correctOrganisationName: own('organisation'),
  archiveOrganisation: own('organisation'),
  restoreOrganisation: own('organisation'),

  createPerson: WRITERS,
  updatePerson: { ...own('person'), instead: 'proposePersonChange' },
  archivePerson: own('person'),
  restorePerson: own('person'),
  assignRole: own('organisation'),
  endRole: own('organisation'),
  updateRole: own('organisation'),

  createAgreement: MINISTRY,
  updateAgreement: MINISTRY,
  signAgreement: MINISTRY,
  terminateAgreement: MINISTRY,
  archiveAgreement: MINISTRY,
  restoreAgreement: MINISTRY,
  addCommitment: MINISTRY,
  updateCommitment: MINISTRY,

  recordMeeting: own('meeting'),
  updateMeeting: own('meeting'),
  archiveMeeting: own('meeting'),
  restoreMeeting: own('meeting'),

  createRelease: WRITERS,
  importRelease: WRITERS,
  updateRelease: own('release'),
  linkRelease: own('release'),
  unlinkRelease: own('release'),
  archiveRelease: own('release'),
  restoreRelease: own('release'),

  proposeOrganisationChange: WRITERS,
  proposePersonChange: WRITERS,
  acceptProposal: MINISTRY,
  rejectProposal: MINISTRY,
  withdrawProposal: PROPOSER,
} as const satisfies Record<string, Rule>;

export type Operation = keyof typeof POLICY;

/** What "own" means for each kind of record, in words: for README's table and for a refusal's message. */
export const OWN: Readonly<Record<Owner, string>> = {
  alliance: 'an alliance its token names, and that alliance’s memberships',
  organisation:
    'an organisation none of whose current memberships is outside its alliances, which it created or one of whose current memberships ministry staff recorded; the roles at it',
  person:
    'a person whose every current role is at one of its own organisations, whom it created or one of whose current roles ministry staff recorded',
  meeting: 'a meeting of one of its alliances, or, naming no alliance, under an agreement whose every party is one of its alliances',
  release: 'a release it created',
  proposal: 'a proposal it made',
};

/** The grant of a role for an operation by its name; a name without a row is no one's to call. */
export function grantOf(operation: string, role: Role): Grant {
  return Object.hasOwn(POLICY, operation) ? (POLICY[operation as Operation] as Rule).grants[role] : 'none';
}

/** What a new organisation, person, membership or role keeps as created_by: its coordinator's sub, else null. */
export function createdBy(actor: Actor): string | null {
  return actor.role === 'COORDINATOR' ? actor.sub : null;
}

type SubjectOf<O extends Operation> = (typeof POLICY)[O] extends { owner: infer K extends Owner } ? Subjects[K] : never;
type Args<O extends Operation> = [SubjectOf<O>] extends [never] ? [] : [subject: SubjectOf<O>, changedFields?: readonly string[]];

/**
 * FORBIDDEN unless the actor may make this write. A service asks inside the write's transaction:
 * on the locked record (writeVersioned's `check`), or for a new record before it inserts it, with
 * the record's subject as POLICY's owner names it, and for an update the input fields it changes.
 */
export async function assertMay<O extends Operation>(manager: EntityManager, actor: Actor, operation: O, ...args: Args<O>): Promise<void> {
  const rule: Rule = POLICY[operation];
  const grant = rule.grants[actor.role];
  if (grant === 'none') throw forbidden(`The role ${actor.role} may not ${operation}`);
  if (grant === 'any') return;
  const [subject, changedFields = []] = args as unknown as [Subjects[Owner], (readonly string[])?];
  const owner = rule.owner!;
  if (!(await OWNS[owner](manager, actor, subject as never))) {
    const instead = rule.instead ? `; propose the change instead (${rule.instead})` : '';
    throw forbidden(`${operation}: the record is not yours to change (yours is ${OWN[owner]})${instead}`);
  }
  const kept = changedFields.filter((field) => rule.notForOwn?.includes(field));
  if (kept.length) throw forbidden(`${operation}: only ADMIN and EDITOR change ${kept.join(' and ')}`);
}

/** Whether the record is the actor's own, by kind: one statement at most. */
const OWNS: { [K in Owner]: (manager: EntityManager, actor: Actor, subject: Subjects[K]) => boolean | Promise<boolean> } = {
  alliance: (_manager, actor, { allianceId }) => actor.allianceIds.includes(allianceId),
  release: (_manager, actor, { createdBy }) => createdBy === actor.sub,
  proposal: (_manager, actor, { proposedBy }) => proposedBy === actor.sub,
  meeting: async (manager, actor, { allianceId, agreementId }) => {
    if (allianceId) return actor.allianceIds.includes(allianceId);
    if (!agreementId) return false;
    return (await queryOwn(manager, PARTIES_OWN_SQL, [agreementId, actor.allianceIds])) === true;
  },
  // A new role names its organisation, unlocked and perhaps unknown: NOT_FOUND before anyone's scope.
  organisation: async (manager, actor, { organisationId }) =>
    (await queryOwn(manager, ORGANISATION_OWN_SQL, [organisationId, actor.sub, actor.allianceIds, today()])) ??
    Promise.reject(notFound('Organisation', organisationId, 'organisationId')),
  person: async (manager, actor, { personId }) =>
    (await queryOwn(manager, PERSON_OWN_SQL, [personId, actor.sub, actor.allianceIds, today()])) ??
    Promise.reject(notFound('Person', personId, 'personId')),
};

/** The statement's answer: whether the record is the actor's own; null when there is no such record. */
async function queryOwn(manager: EntityManager, sql: string, parameters: unknown[]): Promise<boolean | null> {
  const [row]: { own: boolean }[] = await manager.query(sql, parameters);
  return row ? row.own : null;
}

/** $1 an agreement: every party is one of the alliances $2 (and it has one). */
const PARTIES_OWN_SQL =
  'SELECT coalesce(bool_and(alliance_id = ANY($2::uuid[])), false) AS own FROM agreement_party WHERE agreement_id = $1';

/**
 * SQL: the organisation whose id is the expression `id` is the coordinator's own, with $2 its sub,
 * $3 its alliances and $4 today: no current membership outside them, and created by it or with a
 * current membership in them that ministry staff recorded.
 */
function ownOrganisationSql(id: string): string {
  const current = (alias: string) => `${alias}.organisation_id = ${id} AND ${currentMembershipSql(alias, '$4::date')}`;
  return `(NOT EXISTS (SELECT 1 FROM membership outside_member WHERE ${current('outside_member')} AND outside_member.alliance_id <> ALL($3::uuid[]))
    AND ((SELECT created.created_by FROM organisation created WHERE created.id = ${id}) IS NOT DISTINCT FROM $2
      OR EXISTS (SELECT 1 FROM membership recorded WHERE ${current('recorded')} AND recorded.alliance_id = ANY($3::uuid[]) AND recorded.created_by IS NULL)))`;
}

/** $1 an organisation: the coordinator's own (ownOrganisationSql); no row when there is none. */
const ORGANISATION_OWN_SQL = `SELECT ${ownOrganisationSql('o.id')} AS own FROM organisation o WHERE o.id = $1`;

/**
 * $1 a person: the coordinator's own ($2 its sub, $3 its alliances, $4 today): every current role
 * at an organisation of its own, and created by it or with a current role that ministry staff recorded.
 */
const PERSON_OWN_SQL = `SELECT NOT EXISTS (
    SELECT 1 FROM role held WHERE held.person_id = p.id AND ${periodContainsSql('held.valid_from', 'held.valid_to', '$4::date')}
      AND NOT ${ownOrganisationSql('held.organisation_id')})
  AND (p.created_by IS NOT DISTINCT FROM $2 OR EXISTS (
    SELECT 1 FROM role recorded WHERE recorded.person_id = p.id AND ${periodContainsSql('recorded.valid_from', 'recorded.valid_to', '$4::date')}
      AND recorded.created_by IS NULL)) AS own
  FROM person p WHERE p.id = $1`;
