import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ROLES, Role } from '../src/auth/actor';
import { Grant, OWN, Operation, Owner, POLICY, Rule } from '../src/auth/policy';
import {
  insertAgreement,
  insertAlliance,
  insertMeeting,
  insertMembership,
  insertOrganisation,
  insertPerson,
  insertProposal,
  insertRelease,
  insertRole,
  regionId,
  rowCount,
} from './support/factories';
import { createTestApp, GqlResponse, TestApp } from './support/test-app';

/**
 * The scope policy walked through every mutation of the schema: each is called over HTTP by ADMIN,
 * EDITOR, READER, an anonymous caller and a COORDINATOR on an own, a foreign and (where the kind of
 * record has one) a shared record, and gets exactly what POLICY (src/auth/policy.ts) says. Every
 * call that is allowed gets a fresh record in a state where the write succeeds, so "allowed" means
 * it was written; a refused call writes no audit event. README's table of the policy is generated
 * from POLICY too, and this file checks it (UPDATE_README=1 rewrites it).
 */

type Variant = 'own' | 'foreign' | 'shared';
/** A mutation that names no existing record (a creation without one to decide on): called once by each caller. */
type Kind = Variant | 'new';
type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';

interface Caller {
  name: string;
  role: Role | null;
  sub: string;
}

const COORDINATOR: Caller = { name: 'COORDINATOR', role: 'COORDINATOR', sub: 'koordination-stuttgart' };
const CALLERS: Caller[] = [
  { name: 'anonymous', role: null, sub: '' },
  { name: 'READER', role: 'READER', sub: 'reader' },
  { name: 'ADMIN', role: 'ADMIN', sub: 'admin' },
  { name: 'EDITOR', role: 'EDITOR', sub: 'editor' },
  COORDINATOR,
];

/** How one mutation is called: its document, the kinds of record it is tried on, and a fresh record of a kind. */
interface Case {
  document: string;
  kinds: readonly Kind[];
  /** A record of the kind in a state where the write succeeds, for this caller: the call's variables. */
  make(kind: Kind, caller: Caller): Promise<Record<string, unknown>>;
  /** For each field of the rule's notForOwn: variables that change it on a fresh record of the kind. */
  changing?: Record<string, (kind: Kind, caller: Caller) => Promise<Record<string, unknown>>>;
}

const WITH_SHARED = ['own', 'foreign', 'shared'] as const;
const OWN_OR_FOREIGN = ['own', 'foreign'] as const;
const NEW = ['new'] as const;
const ARCHIVED = { archivedAt: new Date('2020-01-01T00:00:00Z') };

let t: TestApp;
let ds: DataSource;
/** Every alliance the coordinator's token names; the token is minted once the records are made. */
const ownAlliances: string[] = [];
/** An own and a foreign alliance whose members and meetings make the organisations, people and meetings of each kind. */
let ownPool: string;
let foreignPool: string;
let secondOwnPool: string;
let secondForeignPool: string;
let region: string;

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${Math.random().toString(36).slice(2, 8)}`;

async function alliance(side: 'own' | 'foreign', values: Parameters<typeof insertAlliance>[1] = {}): Promise<string> {
  const id = await insertAlliance(ds, values);
  if (side === 'own') ownAlliances.push(id);
  return id;
}

/**
 * An organisation of the kind: a current member (as ministry staff recorded it) of an own alliance,
 * of a foreign one, or of both (shared).
 */
async function organisation(kind: Kind, values: Parameters<typeof insertOrganisation>[1] = {}): Promise<string> {
  const id = await insertOrganisation(ds, { name: unique('Organisation'), ...values });
  if (kind === 'own' || kind === 'shared') await insertMembership(ds, { allianceId: ownPool, organisationId: id });
  if (kind === 'foreign' || kind === 'shared') await insertMembership(ds, { allianceId: foreignPool, organisationId: id });
  return id;
}

/** A person of the kind: a current role (recorded by ministry staff) at an own organisation, a foreign one, or one of each. */
async function person(kind: Kind, values: Parameters<typeof insertPerson>[1] = {}): Promise<string> {
  const id = await insertPerson(ds, values);
  if (kind === 'own' || kind === 'shared') await insertRole(ds, { personId: id, organisationId: await organisation('own') });
  if (kind === 'foreign' || kind === 'shared') await insertRole(ds, { personId: id, organisationId: await organisation('foreign') });
  return id;
}

/** A current role at an organisation of the kind. */
async function role(kind: Kind): Promise<string> {
  return insertRole(ds, { personId: await insertPerson(ds), organisationId: await organisation(kind) });
}

/** A membership in a fresh alliance of the kind (fresh, so that a new LEAD meets no other). */
async function membership(kind: Kind, values: Partial<Parameters<typeof insertMembership>[1]> = {}): Promise<string> {
  const allianceId = await alliance(kind === 'own' ? 'own' : 'foreign');
  return insertMembership(ds, { allianceId, organisationId: await insertOrganisation(ds), joinedOn: '2012-04-20', ...values });
}

/** The parties of an agreement of the kind: two own alliances, two foreign ones, or one of each. */
function parties(kind: Kind): string[] {
  if (kind === 'own') return [ownPool, secondOwnPool];
  if (kind === 'foreign') return [foreignPool, secondForeignPool];
  return [ownPool, foreignPool];
}

function agreement(kind: Kind, values: Partial<Parameters<typeof insertAgreement>[1]> = {}): Promise<string> {
  return insertAgreement(ds, { parties: parties(kind).map((allianceId) => ({ allianceId })), ...values });
}

/** A meeting of the kind: of an own alliance, of a foreign one, or naming none under an agreement of an own and a foreign one. */
async function meeting(kind: Kind, values: Partial<Parameters<typeof insertMeeting>[1]> = {}): Promise<string> {
  if (kind === 'shared') return insertMeeting(ds, { heldOn: '2013-10-29', agreementId: await agreement('shared'), ...values });
  return insertMeeting(ds, { heldOn: '2013-10-29', allianceId: kind === 'own' ? ownPool : foreignPool, ...values });
}

/** The caller's own release, or another's. */
const release = (kind: Kind, caller: Caller, values: Parameters<typeof insertRelease>[1] = {}) =>
  insertRelease(ds, { createdBy: kind === 'own' ? caller.sub : 'pressestelle', ...values });

/** An OPEN proposal of a website for a foreign organisation: the caller's own, or another's. */
const proposal = async (kind: Kind, caller: Caller) =>
  insertProposal(ds, {
    entityType: 'Organisation',
    entityId: await organisation('foreign'),
    proposedBy: kind === 'own' ? caller.sub : 'koordination-anderswo',
    changes: { website: 'https://vorschlag.example' },
  });

/** The variables of a mutation that names a record and its version (archive, restore, accept …): a fresh record's, at version 1. */
const byId = (make: (kind: Kind, caller: Caller) => Promise<string>) => async (kind: Kind, caller: Caller) => ({
  id: await make(kind, caller),
  v: 1,
});
const archiving = (name: string) => `mutation($id: ID!, $v: Int!) { ${name}(id: $id, expectedVersion: $v) { __typename } }`;
const input = (name: string, type: string) => `mutation($input: ${type}!) { ${name}(input: $input) { __typename } }`;

const CASES: Record<Operation, Case> = {
  createAlliance: {
    document: input('createAlliance', 'CreateAllianceInput'),
    kinds: NEW,
    make: async () => ({ input: { name: unique('Fachkräfteallianz'), level: 'LOCAL', regionId: region } }),
  },
  updateAlliance: {
    document: input('updateAlliance', 'UpdateAllianceInput'),
    kinds: OWN_OR_FOREIGN,
    make: async (kind) => ({
      input: { id: await alliance(kind === 'own' ? 'own' : 'foreign'), expectedVersion: 1, name: unique('Bündnis') },
    }),
    changing: {
      level: async (kind) => ({ input: { id: await alliance(kind === 'own' ? 'own' : 'foreign'), expectedVersion: 1, level: 'STATE' } }),
      regionId: async (kind) => ({
        input: { id: await alliance(kind === 'own' ? 'own' : 'foreign'), expectedVersion: 1, regionId: await regionId(ds, '0811') },
      }),
    },
  },
  archiveAlliance: {
    document: archiving('archiveAlliance'),
    kinds: OWN_OR_FOREIGN,
    make: byId((kind) => alliance(kind === 'own' ? 'own' : 'foreign')),
  },
  restoreAlliance: {
    document: archiving('restoreAlliance'),
    kinds: OWN_OR_FOREIGN,
    make: byId((kind) => alliance(kind === 'own' ? 'own' : 'foreign', ARCHIVED)),
  },
  // Any existing organisation may be added; here one of a foreign alliance.
  addMember: {
    document: input('addMember', 'AddMemberInput'),
    kinds: OWN_OR_FOREIGN,
    make: async (kind) => ({
      input: {
        allianceId: await alliance(kind === 'own' ? 'own' : 'foreign'),
        organisationId: await organisation('foreign'),
        role: 'PARTNER',
      },
    }),
  },
  endMembership: {
    document: input('endMembership', 'EndMembershipInput'),
    kinds: OWN_OR_FOREIGN,
    make: async (kind) => ({ input: { id: await membership(kind), expectedVersion: 1, leftOn: '2020-12-31' } }),
  },
  changeMembershipRole: {
    document: input('changeMembershipRole', 'ChangeMembershipRoleInput'),
    kinds: OWN_OR_FOREIGN,
    make: async (kind) => ({ input: { id: await membership(kind), expectedVersion: 1, role: 'LEAD', from: '2020-01-01' } }),
  },
  correctMembership: {
    document: input('correctMembership', 'CorrectMembershipInput'),
    kinds: OWN_OR_FOREIGN,
    make: async (kind) => ({ input: { id: await membership(kind), expectedVersion: 1, joinedOn: '2012-04-21' } }),
  },
  archiveMembership: {
    document: archiving('archiveMembership'),
    kinds: OWN_OR_FOREIGN,
    make: byId((kind) => membership(kind)),
  },
  restoreMembership: {
    document: archiving('restoreMembership'),
    kinds: OWN_OR_FOREIGN,
    make: byId((kind) => membership(kind, ARCHIVED)),
  },

  createOrganisation: {
    document: input('createOrganisation', 'CreateOrganisationInput'),
    kinds: NEW,
    make: async () => ({ input: { name: unique('Welcome Center'), kind: 'WELCOME_CENTER' } }),
  },
  updateOrganisation: {
    document: input('updateOrganisation', 'UpdateOrganisationInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({ input: { id: await organisation(kind), expectedVersion: 1, website: 'https://neu.example' } }),
  },
  renameOrganisation: {
    document: input('renameOrganisation', 'RenameOrganisationInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({
      input: { id: await organisation(kind), expectedVersion: 1, name: unique('Umbenannt'), validFrom: '2020-01-01' },
    }),
  },
  correctOrganisationName: {
    document: input('correctOrganisationName', 'CorrectOrganisationNameInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({ input: { id: await organisation(kind), expectedVersion: 1, name: unique('Berichtigt') } }),
  },
  archiveOrganisation: {
    document: archiving('archiveOrganisation'),
    kinds: WITH_SHARED,
    make: byId((kind) => organisation(kind)),
  },
  // Archived, an organisation is a current member nowhere: the coordinator's own is one it created;
  // the foreign one is a (former) member of its alliance all the same.
  restoreOrganisation: {
    document: archiving('restoreOrganisation'),
    kinds: OWN_OR_FOREIGN,
    make: byId((kind, caller) =>
      kind === 'own'
        ? insertOrganisation(ds, { ...ARCHIVED, createdBy: caller.sub })
        : organisation('own', { ...ARCHIVED, createdBy: null }),
    ),
  },

  createPerson: {
    document: input('createPerson', 'CreatePersonInput'),
    kinds: NEW,
    make: async () => ({ input: { givenName: 'Erika', familyName: unique('Muster') } }),
  },
  updatePerson: {
    document: input('updatePerson', 'UpdatePersonInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({ input: { id: await person(kind), expectedVersion: 1, givenName: 'Andrea' } }),
  },
  archivePerson: {
    document: archiving('archivePerson'),
    kinds: WITH_SHARED,
    make: byId((kind) => person(kind)),
  },
  restorePerson: {
    document: archiving('restorePerson'),
    kinds: WITH_SHARED,
    make: byId((kind) => person(kind, ARCHIVED)),
  },
  assignRole: {
    document: input('assignRole', 'AssignRoleInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({
      input: { personId: await insertPerson(ds), organisationId: await organisation(kind), title: 'Geschäftsführerin' },
    }),
  },
  endRole: {
    document: input('endRole', 'EndRoleInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({ input: { id: await role(kind), expectedVersion: 1, validTo: '2030-01-01' } }),
  },
  updateRole: {
    document: input('updateRole', 'UpdateRoleInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({ input: { id: await role(kind), expectedVersion: 1, title: 'Vorsitzende' } }),
  },

  createAgreement: {
    document: input('createAgreement', 'CreateAgreementInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({
      input: { title: unique('Kooperationsvereinbarung'), status: 'DRAFT', parties: parties(kind).map((allianceId) => ({ allianceId })) },
    }),
  },
  updateAgreement: {
    document: input('updateAgreement', 'UpdateAgreementInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({ input: { id: await agreement(kind), expectedVersion: 1, title: unique('Vereinbarung') } }),
  },
  signAgreement: {
    document: input('signAgreement', 'SignAgreementInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({
      input: { id: await agreement(kind, { status: 'DRAFT', signedOn: null }), expectedVersion: 1, signedOn: '2012-09-24' },
    }),
  },
  terminateAgreement: {
    document: input('terminateAgreement', 'TerminateAgreementInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({ input: { id: await agreement(kind), expectedVersion: 1, terminatedOn: '2020-01-01' } }),
  },
  archiveAgreement: {
    document: archiving('archiveAgreement'),
    kinds: WITH_SHARED,
    make: byId((kind) => agreement(kind)),
  },
  restoreAgreement: {
    document: archiving('restoreAgreement'),
    kinds: WITH_SHARED,
    make: byId((kind) => agreement(kind, ARCHIVED)),
  },
  addCommitment: {
    document: input('addCommitment', 'AddCommitmentInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({
      input: { agreementId: await agreement(kind), kind: 'MUTUAL_SUPPORT', description: 'Gegenseitige Unterstützung' },
    }),
  },
  updateCommitment: {
    document: input('updateCommitment', 'UpdateCommitmentInput'),
    kinds: WITH_SHARED,
    make: async (kind) => {
      const agreementId = await agreement(kind, { commitments: [{ kind: 'MUTUAL_INFORMATION' }] });
      const [commitment]: { id: string }[] = await ds.query('SELECT id FROM commitment WHERE agreement_id = $1', [agreementId]);
      return { input: { id: commitment.id, expectedVersion: 1, description: 'Gegenseitige Information' } };
    },
  },

  recordMeeting: {
    document: input('recordMeeting', 'RecordMeetingInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({
      input: {
        kind: 'TOP_LEVEL_MEETING',
        status: 'HELD',
        title: unique('Spitzengespräch'),
        heldOn: '2013-10-29',
        ...(kind === 'shared' ? { agreementId: await agreement('shared') } : { allianceId: kind === 'own' ? ownPool : foreignPool }),
      },
    }),
  },
  updateMeeting: {
    document: input('updateMeeting', 'UpdateMeetingInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({ input: { id: await meeting(kind), expectedVersion: 1, outcome: 'Protokoll' } }),
  },
  archiveMeeting: {
    document: archiving('archiveMeeting'),
    kinds: WITH_SHARED,
    make: byId((kind) => meeting(kind)),
  },
  restoreMeeting: {
    document: archiving('restoreMeeting'),
    kinds: WITH_SHARED,
    make: byId((kind) => meeting(kind, ARCHIVED)),
  },

  createRelease: {
    document: input('createRelease', 'CreateReleaseInput'),
    kinds: NEW,
    make: async () => ({ input: { title: unique('Pressemitteilung'), publishedOn: '2012-09-24' } }),
  },
  importRelease: {
    document: input('importRelease', 'ImportReleaseInput'),
    kinds: NEW,
    make: async () => ({
      input: {
        release: {
          title: unique('Importierte Pressemitteilung'),
          publishedOn: '2012-09-24',
          links: [{ relation: 'MENTIONS', entityId: 'new:0' }],
        },
        newOrganisations: [{ name: unique('Neue Organisation'), kind: 'OTHER' }],
      },
    }),
  },
  updateRelease: {
    document: input('updateRelease', 'UpdateReleaseInput'),
    kinds: OWN_OR_FOREIGN,
    make: async (kind, caller) => ({ input: { id: await release(kind, caller), expectedVersion: 1, title: unique('Berichtigt') } }),
  },
  linkRelease: {
    document: `mutation($releaseId: ID!, $link: ReleaseLinkInput!) { linkRelease(releaseId: $releaseId, link: $link) { __typename } }`,
    kinds: OWN_OR_FOREIGN,
    make: async (kind, caller) => ({
      releaseId: await release(kind, caller),
      link: { relation: 'MENTIONS', entityId: await organisation('foreign') },
    }),
  },
  unlinkRelease: {
    document: `mutation($releaseId: ID!, $entityId: ID!) { unlinkRelease(releaseId: $releaseId, entityId: $entityId, expectedVersion: 1) { __typename } }`,
    kinds: OWN_OR_FOREIGN,
    make: async (kind, caller) => {
      const entityId = await organisation('foreign');
      return { releaseId: await release(kind, caller, { links: [{ entityType: 'ORGANISATION', entityId }] }), entityId };
    },
  },
  archiveRelease: {
    document: archiving('archiveRelease'),
    kinds: OWN_OR_FOREIGN,
    make: byId((kind, caller) => release(kind, caller)),
  },
  restoreRelease: {
    document: archiving('restoreRelease'),
    kinds: OWN_OR_FOREIGN,
    make: byId((kind, caller) => release(kind, caller, ARCHIVED)),
  },

  proposeOrganisationChange: {
    document: input('proposeOrganisationChange', 'ProposeOrganisationChangeInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({
      input: { organisationId: await organisation(kind), expectedVersion: 1, website: 'https://vorschlag.example' },
    }),
  },
  proposePersonChange: {
    document: input('proposePersonChange', 'ProposePersonChangeInput'),
    kinds: WITH_SHARED,
    make: async (kind) => ({ input: { personId: await person(kind), expectedVersion: 1, givenName: 'Andrea' } }),
  },
  acceptProposal: {
    document: archiving('acceptProposal'),
    kinds: OWN_OR_FOREIGN,
    make: byId(proposal),
  },
  rejectProposal: {
    document: `mutation($id: ID!, $v: Int!) { rejectProposal(id: $id, expectedVersion: $v, reason: "Nicht belegt") { __typename } }`,
    kinds: OWN_OR_FOREIGN,
    make: byId(proposal),
  },
  withdrawProposal: {
    document: archiving('withdrawProposal'),
    kinds: OWN_OR_FOREIGN,
    make: byId(proposal),
  },
};

/** What the table says a caller gets for a record of the kind. */
function expected(rule: Rule, caller: Caller, kind: Kind): Outcome {
  if (!caller.role) return 'UNAUTHENTICATED';
  const grant = rule.grants[caller.role];
  if (grant === 'none') return 'FORBIDDEN';
  return grant === 'any' || kind === 'own' ? 'allowed' : 'FORBIDDEN';
}

/** The kinds of record a caller is tried on: every kind where its grant depends on it (a coordinator: always), else one. */
function kindsFor(rule: Rule, caller: Caller, kinds: readonly Kind[]): readonly Kind[] {
  if (caller === COORDINATOR || (caller.role && rule.grants[caller.role] === 'own')) return kinds;
  return [kinds.includes('own') ? 'own' : kinds[0]];
}

interface Call {
  caller: Caller;
  /** The kind of record, and the field it changes where that matters (notForOwn). */
  label: string;
  variables: Record<string, unknown>;
  expected: Outcome;
}

const plans = new Map<Operation, Call[]>();

async function plan(operation: Operation): Promise<Call[]> {
  const rule: Rule = POLICY[operation];
  const testCase = CASES[operation];
  const calls: Promise<Call>[] = [];
  for (const caller of CALLERS) {
    for (const kind of kindsFor(rule, caller, testCase.kinds)) {
      calls.push(
        testCase.make(kind, caller).then((variables) => ({ caller, label: kind, variables, expected: expected(rule, caller, kind) })),
      );
    }
    // A field only ADMIN and EDITOR change: refused to an 'own' grant on its own record, allowed to 'any'.
    for (const field of rule.notForOwn ?? []) {
      const grant = caller.role ? rule.grants[caller.role] : 'none';
      if (grant === 'none') continue;
      const make = testCase.changing![field];
      calls.push(
        make('own', caller).then((variables) => ({
          caller,
          label: `own, changing ${field}`,
          variables,
          expected: grant === 'any' ? 'allowed' : 'FORBIDDEN',
        })),
      );
    }
  }
  return Promise.all(calls);
}

function tokenOf(caller: Caller): string | undefined {
  if (!caller.role) return undefined;
  return t.token(caller.role, { sub: caller.sub, allianceIds: caller === COORDINATOR ? ownAlliances : [] });
}

/** The call's outcome as the table names it; any other failure with its code and message, which the table never expects. */
function outcome(response: GqlResponse): string {
  const code = response.errors?.[0]?.extensions.code;
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return code;
  return response.errors ? `failed: ${response.errors.map((e) => `${e.extensions.code} ${e.message}`).join('; ')}` : 'allowed';
}

// ---- README's table ------------------------------------------------------------------------------

const README = join(__dirname, '..', 'README.md');
const BEGIN = '<!-- policy table: generated from src/auth/policy.ts by test/policy.e2e-spec.ts (UPDATE_README=1) -->';
const END = '<!-- end of policy table -->';

const NOUN: Record<Owner, string> = {
  alliance: 'alliance',
  organisation: 'organisation',
  person: 'person',
  meeting: 'meeting',
  release: 'release',
  proposal: 'proposal',
};

function cell(rule: Rule, grant: Grant): string {
  if (grant === 'any') return 'yes';
  if (grant === 'none') return '—';
  const except = rule.notForOwn ? `, not ${rule.notForOwn.join(' or ')}` : '';
  const instead = rule.instead ? `; else ${rule.instead}` : '';
  return `own ${NOUN[rule.owner!]}${except}${instead}`;
}

/**
 * Rows of cells as a Markdown table laid out as Prettier lays it out (npm run format leaves it
 * alone; lint's prettier --check holds the two to the same): columns padded to their widest cell,
 * unless that makes a line longer than the print width, when Prettier pads nothing.
 */
function markdownTable(rows: string[][], printWidth = 140): string[] {
  const width = (text: string) => [...text].length;
  const widths = rows[0].map((_, column) => Math.max(3, ...rows.map((row) => width(row[column]))));
  const delimiter = widths.map((w) => '-'.repeat(w));
  const padded = [rows[0], delimiter, ...rows.slice(1)].map(
    (row) => `| ${row.map((cell, i) => cell + ' '.repeat(widths[i] - width(cell))).join(' | ')} |`,
  );
  if (width(padded[0]) <= printWidth) return padded;
  return [rows[0], widths.map(() => '---'), ...rows.slice(1)].map((row) => `| ${row.join(' | ')} |`);
}

/** POLICY as README shows it: a row per mutation, a column per role, then what "own" means. */
function policyTable(): string {
  const header = ['Mutation', ...ROLES, 'anonymous'];
  const rows = (Object.entries(POLICY) as [Operation, Rule][]).map(([operation, rule]) => [
    `\`${operation}\``,
    ...ROLES.map((role) => cell(rule, rule.grants[role])),
    'UNAUTHENTICATED',
  ]);
  const owners = [...new Set(Object.values(POLICY).flatMap((rule: Rule) => (rule.owner ? [rule.owner] : [])))];
  const legend = owners.map((owner) => `- own ${NOUN[owner]}: ${OWN[owner]}.`);
  return [BEGIN, '', ...markdownTable([header, ...rows]), '', ...legend, '', END].join('\n');
}

describe('the scope policy, walked through every mutation', () => {
  beforeAll(async () => {
    t = await createTestApp();
    ds = t.dataSource;
    region = await regionId(ds, '0812');
    ownPool = await alliance('own');
    secondOwnPool = await alliance('own');
    foreignPool = await alliance('foreign');
    secondForeignPool = await alliance('foreign');
    for (const operation of Object.keys(POLICY) as Operation[]) plans.set(operation, await plan(operation));
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a row in POLICY and a case here for every Mutation field of the running schema, and none for anything else', async () => {
    const schema = await t.gql('{ __schema { mutationType { fields { name } } } }', {}, { token: t.tokens.reader });
    const mutations: string[] = schema.data!.__schema.mutationType.fields.map((field: { name: string }) => field.name).sort();
    expect(mutations.length).toBeGreaterThan(40);
    expect(Object.keys(POLICY).sort()).toEqual(mutations);
    expect(Object.keys(CASES).sort()).toEqual(mutations);
  });

  it('is shown in README as the table generated from it', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    const table = policyTable();
    if (process.env.UPDATE_README && start >= 0 && end > start) {
      writeFileSync(README, readme.slice(0, start) + table + readme.slice(end + END.length));
      return;
    }
    expect(start).toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, end + END.length)).toEqual(table);
  });

  it.each(Object.keys(POLICY) as Operation[])('%s: every caller gets what the table says', async (operation) => {
    const calls = plans.get(operation)!;
    expect(calls.length).toBeGreaterThanOrEqual(5);
    const answers: string[] = [];
    const wanted: string[] = [];
    for (const call of calls) {
      const events = await rowCount(ds, 'audit_event');
      const response = await t.gql(CASES[operation].document, call.variables, { token: tokenOf(call.caller) });
      const got = outcome(response);
      answers.push(`${call.caller.name} on ${call.label}: ${got}`);
      wanted.push(`${call.caller.name} on ${call.label}: ${call.expected}`);
      // A refusal writes nothing, not even its audit event; an allowed call wrote its record.
      if (got !== 'allowed') await expect(rowCount(ds, 'audit_event')).resolves.toBe(events);
      else await expect(rowCount(ds, 'audit_event')).resolves.toBeGreaterThan(events);
    }
    expect(answers).toEqual(wanted);
  });

  describe('what counts as a coordinator’s own', () => {
    const ORGANISATION = `query($id: ID!) { organisation(id: $id) { name website version archivedAt nameHistory { name validFrom validTo } } }`;
    const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { action } }`;
    const ADD = input('addMember', 'AddMemberInput');
    const UPDATE = input('updateOrganisation', 'UpdateOrganisationInput');
    const RENAME = input('renameOrganisation', 'RenameOrganisationInput');
    const ARCHIVE = archiving('archiveOrganisation');
    const UPDATE_PERSON = input('updatePerson', 'UpdatePersonInput');
    const ASSIGN = input('assignRole', 'AssignRoleInput');
    const code = (response: GqlResponse) => response.errors?.[0]?.extensions.code ?? 'allowed';

    /** updateOrganisation, renameOrganisation and archiveOrganisation with the token, each answered by its code. */
    async function writes(organisationId: string, token: string): Promise<string[]> {
      return [
        code(await t.gql(UPDATE, { input: { id: organisationId, expectedVersion: 1, website: 'https://uebernommen.example' } }, { token })),
        code(
          await t.gql(
            RENAME,
            { input: { id: organisationId, expectedVersion: 1, name: 'Ministerium X', validFrom: '2024-01-01' } },
            { token },
          ),
        ),
        code(await t.gql(ARCHIVE, { id: organisationId, v: 1 }, { token })),
      ];
    }

    it('refuses the takeover: a coordinator adds organisations of other alliances to its own, and may change none of them', async () => {
      const stuttgart = await insertAlliance(ds, { name: 'Fachkräfteallianz Region Stuttgart', regionCode: '0811' });
      const heilbronn = await insertAlliance(ds, { name: 'Fachkräftebündnis Heilbronn-Franken', regionCode: '0812' });
      const state = await insertAlliance(ds, { name: 'Allianz für Fachkräfte Baden-Württemberg', level: 'STATE', regionCode: '08' });
      const ihk = await insertOrganisation(ds, { name: 'IHK Heilbronn-Franken', shortName: 'IHK' });
      const ministry = await insertOrganisation(ds, { name: 'Ministerium für Wirtschaft, Arbeit und Tourismus', kind: 'MINISTRY' });
      await insertMembership(ds, { allianceId: heilbronn, organisationId: ihk, role: 'LEAD', joinedOn: '2012-04-20' });
      await insertMembership(ds, { allianceId: state, organisationId: ministry, role: 'LEAD', joinedOn: '2011-12-01' });
      const before = await Promise.all([ihk, ministry].map((id) => t.gql(ORGANISATION, { id })));
      const token = t.token('COORDINATOR', { sub: 'koordination-stuttgart', allianceIds: [stuttgart] });

      for (const organisationId of [ihk, ministry]) {
        const added = await t.gql(
          ADD,
          { input: { allianceId: stuttgart, organisationId, role: 'PARTNER', joinedOn: '2024-01-01' } },
          { token },
        );
        expect(added.errors).toBeUndefined();
        await expect(writes(organisationId, token)).resolves.toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      }
      // Nothing changed: the same records, the ministry's nameHistory without "Ministerium X", no audit event.
      await expect(Promise.all([ihk, ministry].map((id) => t.gql(ORGANISATION, { id })))).resolves.toEqual(before);
      expect(before[1].data!.organisation).toMatchObject({
        version: 1,
        website: null,
        archivedAt: null,
        nameHistory: [{ name: 'Ministerium für Wirtschaft, Arbeit und Tourismus', validFrom: null, validTo: null }],
      });
      for (const id of [ihk, ministry]) {
        await expect(t.gql(TRAIL, { id }, { token: t.tokens.reader }).then((r) => r.data!.auditTrail)).resolves.toEqual([]);
      }
    });

    it('is not widened by adding an organisation that is a current member nowhere: only ministry staff’s memberships count', async () => {
      const own = await insertAlliance(ds);
      const token = t.token('COORDINATOR', { sub: 'koordination-loch', allianceIds: [own] });
      const nowhere = await insertOrganisation(ds);
      const added = await t.gql(ADD, { input: { allianceId: own, organisationId: nowhere, role: 'PARTNER' } }, { token });
      expect(added.errors).toBeUndefined();
      await expect(writes(nowhere, token)).resolves.toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      // Nor by a colleague of the same alliance adding it: coordinators' memberships never count.
      const colleague = t.token('COORDINATOR', { sub: 'koordination-kollege', allianceIds: [own] });
      const byColleague = await insertOrganisation(ds);
      await expect(
        t.gql(ADD, { input: { allianceId: own, organisationId: byColleague, role: 'PARTNER' } }, { token: colleague }).then(code),
      ).resolves.toBe('allowed');
      await expect(writes(byColleague, token)).resolves.toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      // The same organisation added by ministry staff is the coordinator's own.
      const byMinistry = await insertOrganisation(ds);
      await expect(
        t.gql(ADD, { input: { allianceId: own, organisationId: byMinistry, role: 'PARTNER' } }, { token: t.tokens.editor }).then(code),
      ).resolves.toBe('allowed');
      await expect(
        t.gql(UPDATE, { input: { id: byMinistry, expectedVersion: 1, website: 'https://mitglied.example' } }, { token }).then(code),
      ).resolves.toBe('allowed');
    });

    it('counts an organisation the coordinator created as its own until it is current in another alliance', async () => {
      const own = await insertAlliance(ds);
      const token = t.token('COORDINATOR', { sub: 'koordination-gruender', allianceIds: [own] });
      const created = await t.gql(
        `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
        { input: { name: unique('Welcome Center'), kind: 'WELCOME_CENTER' } },
        { token },
      );
      const id: string = created.data!.createOrganisation.id;
      await expect(t.gql(ADD, { input: { allianceId: own, organisationId: id, role: 'PARTNER' } }, { token }).then(code)).resolves.toBe(
        'allowed',
      );
      await expect(
        t.gql(UPDATE, { input: { id, expectedVersion: 1, website: 'https://welcome.example' } }, { token }).then(code),
      ).resolves.toBe('allowed');
      await insertMembership(ds, { allianceId: await insertAlliance(ds), organisationId: id });
      await expect(
        t.gql(UPDATE, { input: { id, expectedVersion: 2, website: 'https://geteilt.example' } }, { token }).then(code),
      ).resolves.toBe('FORBIDDEN');
    });

    it('keeps a membership ministry staff recorded when the coordinator changes its role: a new role is no new membership', async () => {
      const own = await insertAlliance(ds);
      const token = t.token('COORDINATOR', { sub: 'koordination-rolle', allianceIds: [own] });
      const organisationId = await insertOrganisation(ds);
      const id = await insertMembership(ds, { allianceId: own, organisationId, joinedOn: '2012-04-20' });
      const change = input('changeMembershipRole', 'ChangeMembershipRoleInput');
      await expect(
        t.gql(change, { input: { id, expectedVersion: 1, role: 'LEAD', from: '2020-01-01' } }, { token }).then(code),
      ).resolves.toBe('allowed');
      await expect(
        t
          .gql(UPDATE, { input: { id: organisationId, expectedVersion: 1, website: 'https://federfuehrung.example' } }, { token })
          .then(code),
      ).resolves.toBe('allowed');
    });

    it('is not widened by giving someone else’s person a role: only ministry staff’s roles count', async () => {
      const own = await insertAlliance(ds);
      const token = t.token('COORDINATOR', { sub: 'koordination-person', allianceIds: [own] });
      const organisationId = await insertOrganisation(ds);
      await insertMembership(ds, { allianceId: own, organisationId });
      // A former state secretary: no current role.
      const secretary = await insertPerson(ds, { givenName: 'Katrin', familyName: 'Schütz' });
      await insertRole(ds, {
        personId: secretary,
        organisationId: await insertOrganisation(ds),
        validFrom: '2016-05-12',
        validTo: '2021-05-12',
      });
      const assigned = await t.gql(ASSIGN, { input: { personId: secretary, organisationId, title: 'Beirätin' } }, { token });
      expect(assigned.errors).toBeUndefined();
      await expect(
        t.gql(UPDATE_PERSON, { input: { id: secretary, expectedVersion: 1, givenName: 'Katja' } }, { token }).then(code),
      ).resolves.toBe('FORBIDDEN');
      // A person the coordinator recorded is its own, until a role elsewhere makes them shared.
      const recorded = await t.gql(
        `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
        { input: { givenName: 'Eva', familyName: unique('Neu') } },
        { token },
      );
      const id: string = recorded.data!.createPerson.id;
      await expect(t.gql(UPDATE_PERSON, { input: { id, expectedVersion: 1, givenName: 'Evi' } }, { token }).then(code)).resolves.toBe(
        'allowed',
      );
      await insertRole(ds, { personId: id, organisationId: await organisation('foreign') });
      await expect(t.gql(UPDATE_PERSON, { input: { id, expectedVersion: 2, givenName: 'Eve' } }, { token }).then(code)).resolves.toBe(
        'FORBIDDEN',
      );
    });

    it('answers NOT_FOUND naming organisationId, not FORBIDDEN, for a role at an organisation that does not exist', async () => {
      const token = t.token('COORDINATOR', { sub: 'koordination-leer', allianceIds: [await insertAlliance(ds)] });
      const missing = '00000000-0000-4000-8000-000000000000';
      const response = await t.gql(ASSIGN, { input: { personId: await insertPerson(ds), organisationId: missing, title: 'X' } }, { token });
      expect(response.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'organisationId' }] });
    });

    it('lets a coordinator send its alliance’s level and region unchanged', async () => {
      const own = await insertAlliance(ds, { level: 'REGIONAL', regionCode: '0812' });
      const token = t.token('COORDINATOR', { sub: 'koordination-form', allianceIds: [own] });
      const update = input('updateAlliance', 'UpdateAllianceInput');
      const same = { id: own, expectedVersion: 1, name: unique('Bündnis'), level: 'REGIONAL', regionId: await regionId(ds, '0812') };
      await expect(t.gql(update, { input: same }, { token }).then(code)).resolves.toBe('allowed');
    });
  });
});
