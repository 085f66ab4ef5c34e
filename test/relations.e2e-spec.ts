import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { periodContains } from '../src/common/period';
import { PlainRows } from '../src/database/plain-rows';
import type { Relation } from '../src/database/relation';
import { PROJECTION, readsProperty } from '../src/graphql/sql-projection';
import { nameOn } from '../src/database/organisation-names';
import { dayFromToday } from './support/days';
import {
  insertAgreement,
  insertAlliance,
  insertMeeting,
  insertMembership,
  insertOrganisation,
  insertPerson,
  insertRelease,
  insertRename,
  insertRole,
  regionId,
} from './support/factories';
import { createTestApp, PLAIN_EXECUTION, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

/** The days every relation is asked as of: the day before, today, the day after, and no asOf (today). */
const YESTERDAY = dayFromToday(-1);
const TODAY = dayFromToday(0);
const TOMORROW = dayFromToday(1);
const DAYS: (string | undefined)[] = [undefined, YESTERDAY, TODAY, TOMORROW];

/** The contract's periods (API.graphql: "Periods are half-open"): the fields a type's rows hold their period in. */
const PERIODS: Record<string, [from: string, to: string]> = {
  Membership: ['joinedOn', 'leftOn'],
  Role: ['validFrom', 'validTo'],
};

/** What the fixture knows about its rows, for the answers' oracle. */
interface Known {
  /** Archived records: no list shows them. */
  archived: Set<string>;
  /** Memberships whose period may hold but which are not current (their organisation is archived). */
  neverCurrent: Set<string>;
  /** Each organisation's names with their periods. */
  names: Map<string, { name: string; validFrom: string | null; validTo: string | null }[]>;
  /** Each agreement's status as recorded (its latest). */
  recordedStatus: Map<string, string>;
}

interface DeclaredRelation {
  type: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  relation: Relation;
}

/** Every relation field of the schema with its declaration: what the generated tests below walk. */
function declaredRelations(schema: GraphQLSchema): DeclaredRelation[] {
  return Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => field.extensions[PROJECTION])
        .map((field) => ({ type, field, relation: field.extensions[PROJECTION] as Relation })),
    );
}

/** A root query field the tests can ask: it takes asOf, and every argument it requires is one they fill. */
const FILLED = new Set(['stateId']);
const rootFields = (schema: GraphQLSchema) =>
  Object.values(schema.getQueryType()!.getFields()).filter(
    (field) => field.args.some((a) => a.name === 'asOf') && field.args.every((a) => !isNonNullType(a.type) || FILLED.has(a.name)),
  );

/**
 * The shortest way from a root query field down to objects of `target`, through fields that
 * require no argument and are either declared relations or plain properties (a connection's
 * edges and nodes): a field with a loader of its own on the way would run statements that are
 * not the relation's.
 */
function pathTo(schema: GraphQLSchema, target: GraphQLObjectType): GraphQLField<unknown, unknown>[] {
  const queue: { type: GraphQLObjectType; path: GraphQLField<unknown, unknown>[] }[] = [];
  const seen = new Set<string>();
  for (const root of rootFields(schema)) {
    const type = getNamedType(root.type);
    if (isObjectType(type)) queue.push({ type, path: [root] });
  }
  while (queue.length) {
    const { type, path } = queue.shift()!;
    if (type === target) return path;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const next = getNamedType(field.type);
      const declaredOrPlain = Boolean(field.extensions[PROJECTION]) || readsProperty(field);
      if (isObjectType(next) && declaredOrPlain && field.args.every((a) => !isNonNullType(a.type)))
        queue.push({ type: next, path: [...path, field] });
    }
  }
  throw new Error(`no query reaches ${target.name}`);
}

/** The fields of a type that its rows' columns answer (no arguments, no resolver of their own, no timestamps): what the projection reads. */
function columnFields(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0 && getNamedType(f.type).name !== 'DateTime' && readsProperty(f))
    .map((f) => f.name);
}

/** The arguments a root field is asked with: the day, the largest page, archived records too, the state. */
function rootArguments(field: GraphQLField<unknown, unknown>): string {
  const args = ['asOf: $asOf'];
  if (field.args.some((a) => a.name === 'first')) args.push('first: 100');
  const filter = field.args.find((a) => a.name === 'filter');
  const filterType = filter && getNamedType(filter.type);
  if (filterType && isInputObjectType(filterType) && filterType.getFields().includeArchived) args.push('filter: { includeArchived: true }');
  if (field.args.some((a) => a.name === 'stateId')) args.push('stateId: $stateId');
  return `(${args.join(', ')})`;
}

/** The variants a relation is asked in, by alias: all rows, and where it takes `current`, the current ones and the others. */
function variants({ field }: DeclaredRelation): Record<string, string> {
  return field.args.some((a) => a.name === 'current')
    ? { all: field.name, now: `${field.name}(current: true)`, other: `${field.name}(current: false)` }
    : { all: field.name };
}

/** A document that reaches the relation from a root list and asks it, in every variant, with every column of its rows. */
function documentFor(schema: GraphQLSchema, declared: DeclaredRelation): { source: string; path: string[] } {
  const path = pathTo(schema, declared.type);
  const target = getNamedType(declared.field.type) as GraphQLObjectType;
  // A type of relations only (an agreement's party) is asked for its type name.
  const leaves = columnFields(target).join(' ') || '__typename';
  let inner = Object.entries(variants(declared))
    .map(([alias, call]) => `${alias}: ${call} { ${leaves} }`)
    .join(' ');
  for (let i = path.length - 1; i >= 0; i--) {
    const type = getNamedType(path[i].type) as GraphQLObjectType;
    const id = type.getFields().id ? 'id ' : '';
    inner = `${path[i].name}${i === 0 ? rootArguments(path[i]) : ''} { ${id}${inner} }`;
  }
  const usesState = path[0].args.some((a) => a.name === 'stateId');
  return { source: `query($asOf: Date${usesState ? ', $stateId: ID!' : ''}) { ${inner} }`, path: path.map((f) => f.name) };
}

/** The objects at the end of a path through an answer (lists flattened, nulls dropped). */
function objectsAt(data: unknown, path: string[]): Record<string, any>[] {
  let level: unknown[] = [data];
  for (const name of path) level = level.flatMap((o) => (o && typeof o === 'object' ? [(o as Record<string, unknown>)[name]] : [])).flat();
  return level.filter((o): o is Record<string, any> => o !== null && typeof o === 'object');
}

/**
 * Every relation is declared once (src/database/relation.ts) and answered two ways built from
 * that declaration: the loaders (one statement per relation level, `current` by the flag the same
 * statement computes) and the SQL projection (JSON built by PostgreSQL). This walks every declared
 * relation of the schema, reaches it from a root list, asks it in every variant as of the day
 * before, the day of and the day after edges of the fixture's periods (periods starting and ending
 * today, open starts and ends, archived records, names changing today, records dated today and
 * tomorrow), and requires (1) the same answer from both paths, with the projection really
 * answering (the relation's loader statement is not run) and the loaders really running, and
 * (2) answers that keep the contract: the current rows are those whose period holds that day,
 * leads and names are those of the day, statuses follow the dates, nothing archived and nothing
 * dated later is listed. A relation no answer reaches fails too: the fixture must cover it.
 */
describe('every declared relation, by the loaders and in SQL, as of the edges of a day', () => {
  let projecting: TestApp;
  let loading: TestApp;
  let schema: GraphQLSchema;
  let stateId: string;
  const known: Known = { archived: new Set(), neverCurrent: new Set(), names: new Map(), recordedStatus: new Map() };

  // Hundreds of questions of whole lists cost more than one caller may spend; the limits are not under test here.
  const unlimited = { ...WITHOUT_RESPONSE_CACHE, GRAPHQL_MAX_COST: 10_000_000, RATE_LIMIT_POINTS_PER_MINUTE: 1_000_000_000 };

  beforeAll(async () => {
    projecting = await createTestApp(unlimited);
    const ds = projecting.dataSource;
    loading = await createTestApp({ ...unlimited, ...PLAIN_EXECUTION, DATABASE_URL: (ds.options as { url: string }).url });
    schema = projecting.app.get(GraphQLSchemaHost).schema;
    stateId = await regionId(ds, '08');
    const region = await regionId(ds, '0811');
    const archive = async (table: string, id: string) => {
      await ds.query(`UPDATE "${table}" SET archived_at = now() WHERE id = $1`, [id]);
      known.archived.add(id);
    };

    // Alliances: undated, founded yesterday, today, tomorrow, archived; one at state level.
    const alliance = (name: string, foundedOn: string | null, level = 'REGIONAL') =>
      insertAlliance(ds, { regionId: level === 'STATE' ? stateId : region, name, foundedOn, level });
    const north = await alliance('Bündnis Nord', null);
    const south = await alliance('Bündnis Süd', YESTERDAY);
    const west = await alliance('Bündnis West', TODAY);
    const later = await alliance('Bündnis Später', TOMORROW);
    await archive('alliance', await alliance('Bündnis Archiv', null));
    const state = await alliance('Allianz für Fachkräfte', '2011-12-01', 'STATE');

    // Organisations with names changing yesterday, today and tomorrow; one archived.
    const organisation = async (key: string, renames: [string, string][] = []) => {
      const id = await insertOrganisation(ds, { name: `Org ${key}`, shortName: key.toUpperCase(), regionCode: '0811' });
      known.names.set(id, [{ name: `Org ${key}`, validFrom: null, validTo: null }]);
      for (const [name, validFrom] of renames) {
        await insertRename(ds, id, name, validFrom);
        const names = known.names.get(id)!;
        names[names.length - 1].validTo = validFrom;
        names.push({ name, validFrom, validTo: null });
      }
      return id;
    };
    const ihk = await organisation('ihk', [['Org ihk künftig', TOMORROW]]);
    const hwk = await organisation('hwk');
    const agentur = await organisation('agentur');
    const dgb = await organisation('dgb');
    const stadt = await organisation('stadt');
    const kammer = await organisation('kammer alt', [
      ['Org kammer', TODAY],
      ['Org kammer künftig', TOMORROW],
    ]);
    const ministerium = await organisation('ministerium', [['Org ministerium neu', YESTERDAY]]);
    const gone = await organisation('gone');
    await archive('organisation', gone);

    // Memberships: periods starting and ending yesterday, today and tomorrow, open ends, archived.
    const member = async (
      allianceId: string,
      organisationId: string,
      role: string,
      joinedOn: string | null,
      leftOn: string | null,
      archived = false,
    ) => {
      // Archived as it is written: an archived membership takes no part in the overlap rules.
      const id = await insertMembership(ds, {
        allianceId,
        organisationId,
        role,
        joinedOn,
        leftOn,
        archivedAt: archived ? new Date() : null,
      });
      if (archived) known.archived.add(id);
      if (organisationId === gone) known.neverCurrent.add(id);
      return id;
    };
    await member(north, ihk, 'LEAD', TODAY, null); // leads from today
    await member(north, hwk, 'LEAD', '2010-01-01', TODAY); // led until today
    await member(north, agentur, 'PARTNER', TOMORROW, null);
    await member(north, dgb, 'PARTNER', null, null);
    await member(north, stadt, 'PARTNER', TODAY, null);
    await member(north, kammer, 'PARTNER', YESTERDAY, TOMORROW);
    await member(north, gone, 'PARTNER', '2013-01-01', null);
    await member(north, dgb, 'LEAD', '2000-01-01', '2005-01-01', true);
    await member(south, hwk, 'LEAD', TOMORROW, null); // its first lead, from tomorrow: none before
    await member(south, ihk, 'PARTNER', null, YESTERDAY);
    await member(south, gone, 'LEAD', null, TOMORROW); // the lead of today is archived: no lead
    await member(west, kammer, 'LEAD', TODAY, null);
    await member(west, stadt, 'PARTNER', null, TODAY);
    await member(later, dgb, 'LEAD', TOMORROW, null);
    await member(state, ministerium, 'LEAD', null, null);

    // People and roles: starting and ending today and tomorrow, open, of an archived person.
    const person = (givenName: string) => insertPerson(ds, { givenName, familyName: `Familie ${givenName}` });
    const anna = await person('anna');
    const ben = await person('ben');
    const cem = await person('cem');
    const dora = await person('dora');
    const erik = await person('erik');
    const role = (personId: string, organisationId: string, title: string, validFrom: string | null, validTo: string | null) =>
      insertRole(ds, { personId, organisationId, title, validFrom, validTo });
    await role(anna, ihk, 'Präsidentin', '2019-01-01', null);
    await role(ben, ihk, 'Hauptgeschäftsführer', TODAY, null);
    await role(cem, ihk, 'Vizepräsident', '2010-01-01', TODAY);
    await role(dora, ihk, 'Präsidentin', TOMORROW, null);
    await role(anna, hwk, 'Beirätin', null, null);
    await role(ben, kammer, 'Geschäftsführer', YESTERDAY, TOMORROW);
    await role(erik, ihk, 'Archivar', null, null);
    await role(cem, ministerium, 'Staatssekretär', null, YESTERDAY);
    await archive('person', erik);

    // Agreements: signed today, terminated tomorrow, a draft, one long overdue, one archived.
    const agreement = async (values: Parameters<typeof insertAgreement>[1]) => {
      const id = await insertAgreement(ds, values);
      known.recordedStatus.set(id, values.status ?? 'SIGNED');
      return id;
    };
    const signedToday = await agreement({
      title: 'Heute unterzeichnet',
      signedOn: TODAY,
      parties: [
        { allianceId: north, representedById: ihk, signatoryId: anna },
        { allianceId: state, representedById: ministerium },
      ],
      commitments: [{ kind: 'ANNUAL_TOP_LEVEL_MEETING' }, { kind: 'SHARED_MONITORING', instruments: ['IHK-Fachkräftemonitor'] }],
    });
    const endsTomorrow = await agreement({
      title: 'Endet morgen',
      status: 'TERMINATED',
      signedOn: '2012-09-24',
      terminatedOn: TOMORROW,
      parties: [{ allianceId: south }, { allianceId: state, signatoryId: cem }],
      commitments: [{ kind: 'ANNUAL_TOP_LEVEL_MEETING' }],
    });
    await agreement({ title: 'Entwurf', status: 'DRAFT', signedOn: null, parties: [{ allianceId: west }, { allianceId: later }] });
    const overdue = await agreement({
      title: 'Überfällig',
      signedOn: '2013-03-03',
      parties: [{ allianceId: north }, { allianceId: state }],
      commitments: [{ kind: 'ANNUAL_TOP_LEVEL_MEETING', description: 'Einmal im Jahr' }],
    });
    await archive(
      'agreement',
      await agreement({ title: 'Irrtum', signedOn: '2016-06-06', parties: [{ allianceId: north }, { allianceId: south }] }),
    );

    // Meetings: held yesterday and today, planned tomorrow, of an alliance founded tomorrow, archived.
    const held = await insertMeeting(ds, { heldOn: TODAY, agreementId: signedToday, allianceId: north, participantIds: [anna, erik, ben] });
    await insertMeeting(ds, { heldOn: YESTERDAY, agreementId: endsTomorrow, allianceId: south, participantIds: [cem] });
    const planned = await insertMeeting(ds, {
      heldOn: TOMORROW,
      status: 'PLANNED',
      agreementId: overdue,
      allianceId: north,
      participantIds: [dora],
    });
    await insertMeeting(ds, { heldOn: TODAY, title: 'Vor der Gründung', allianceId: later });
    await archive('meeting', await insertMeeting(ds, { heldOn: '2016-07-07', agreementId: overdue, allianceId: north }));

    // Releases: published today and tomorrow, archived; linking to every kind of record, quoting people.
    const links = (...entities: [string, string][]) => entities.map(([entityType, entityId]) => ({ entityType, entityId }));
    const release = async (title: string, publishedOn: string, linked: [string, string][], quoted: string[], archived = false) => {
      const id = await insertRelease(ds, { title, publishedOn, publisherId: ihk, links: links(...linked) });
      for (const [position, personId] of quoted.entries())
        await ds.query('INSERT INTO release_quote (release_id, person_id, text, position) VALUES ($1, $2, $3, $4)', [
          id,
          personId,
          'Zitat',
          position,
        ]);
      if (archived) await archive('release', id);
    };
    await release(
      'Heute',
      TODAY,
      [
        ['ALLIANCE', north],
        ['ALLIANCE', later],
        ['ORGANISATION', kammer],
        ['PERSON', anna],
        ['AGREEMENT', signedToday],
        ['MEETING', held],
        ['MEETING', planned],
      ],
      [anna, erik],
    );
    await release(
      'Morgen',
      TOMORROW,
      [
        ['ALLIANCE', north],
        ['AGREEMENT', signedToday],
        ['PERSON', dora],
      ],
      [ben],
    );
    await release(
      'Gestern',
      YESTERDAY,
      [
        ['ALLIANCE', south],
        ['ORGANISATION', ministerium],
        ['AGREEMENT', endsTomorrow],
      ],
      [cem],
    );
    await release(
      'Archiviert',
      '2016-06-07',
      [
        ['ALLIANCE', north],
        ['MEETING', held],
      ],
      [anna],
      true,
    );
  });
  afterAll(async () => {
    await loading?.close();
    await projecting?.close();
  });

  it('finds the declared relations in the schema: every relation field declares its relation', () => {
    const declared = declaredRelations(schema).map(({ type, field }) => `${type.name}.${field.name}`);
    expect(declared.length).toBeGreaterThan(30);
    expect(declared).toEqual(expect.arrayContaining(['Alliance.lead', 'Alliance.memberships', 'Organisation.roles', 'Person.sources']));
  });

  /** The contract's meaning of each row a relation answers, as of `day`. */
  function keepsTheContract(declared: DeclaredRelation, answers: Record<string, any>, day: string): void {
    const target = getNamedType(declared.field.type).name;
    const rows = (value: unknown): Record<string, any>[] => (Array.isArray(value) ? value : value ? [value] : []);
    const all = rows(answers.all);
    const where = `${declared.type.name}.${declared.field.name} as of ${day}`;
    for (const row of all) {
      if (declared.relation.many) expect({ where, archived: known.archived.has(row.id) }).toEqual({ where, archived: false });
      const dated = { Alliance: row.foundedOn, Meeting: row.heldOn, Release: row.publishedOn }[target];
      if (dated !== undefined && !declared.relation.anyDay)
        expect({ where, row: row.id, exists: periodContains(dated, null, day) }).toEqual({ where, row: row.id, exists: true });
      if (target === 'Organisation')
        expect({ where, name: row.name }).toEqual({ where, name: nameOn(known.names.get(row.id) ?? [], day)?.name ?? row.name });
      if (target === 'Agreement') expect({ where, status: row.status }).toEqual({ where, status: statusOn(row, day) });
    }
    if (!('now' in answers)) return;
    const [from, to] = PERIODS[target];
    const current = all.filter((row) => periodContains(row[from], row[to], day) && !known.neverCurrent.has(row.id));
    const ids = (list: Record<string, any>[]) => list.map((row) => row.id as string);
    expect({ where, current: ids(rows(answers.now)) }).toEqual({ where, current: ids(current) });
    expect({ where, others: ids(rows(answers.other)) }).toEqual({ where, others: ids(all.filter((row) => !current.includes(row))) });
  }

  /** The contract's status of an agreement on a day, from its dates and its recorded status. */
  function statusOn(agreement: Record<string, any>, day: string): string {
    const recorded = known.recordedStatus.get(agreement.id);
    if (recorded === 'DRAFT' || (agreement.signedOn !== null && agreement.signedOn > day)) return 'DRAFT';
    if (recorded === 'TERMINATED' && (agreement.terminatedOn === null || agreement.terminatedOn <= day)) return 'TERMINATED';
    return 'SIGNED';
  }

  it('answers every declared relation alike by both paths, as the contract says, on every day around the edges', async () => {
    const rows = projecting.app.get(PlainRows);
    const reached: string[] = [];
    for (const declared of declaredRelations(schema)) {
      const name = `${declared.type.name}.${declared.field.name}`;
      const { source, path } = documentFor(schema, declared);
      const loaderStatement = rows.statementOf(declared.relation);
      let answered = false;
      let loaderRan = false;
      for (const asOf of DAYS) {
        const variables = { asOf, stateId };
        let expected: Awaited<ReturnType<TestApp['gql']>> | undefined;
        let actual: Awaited<ReturnType<TestApp['gql']>> | undefined;
        const loaded = await loading.statementsDuring(async () => {
          expected = await loading.gql(source, variables);
        });
        const projected = await projecting.statementsDuring(async () => {
          actual = await projecting.gql(source, variables);
        });
        expect({ name, asOf, errors: expected!.errors }).toEqual({ name, asOf, errors: undefined });
        expect({ name, asOf, answer: actual }).toEqual({ name, asOf, answer: expected });
        // The projection answered the relation: its loader statement did not run there.
        expect({ name, asOf, projected: !projected.includes(loaderStatement) }).toEqual({ name, asOf, projected: true });
        loaderRan ||= loaded.includes(loaderStatement);
        for (const parent of objectsAt(actual!.data, path)) {
          keepsTheContract(declared, parent, asOf ?? TODAY);
          if ((Array.isArray(parent.all) && parent.all.length) || (!Array.isArray(parent.all) && parent.all)) answered = true;
        }
      }
      // The loaders answered it too, at least on one of the days: the comparison compared two paths.
      if (answered && loaderRan) reached.push(name);
    }
    expect(reached.sort()).toEqual(
      declaredRelations(schema)
        .map(({ type, field }) => `${type.name}.${field.name}`)
        .sort(),
    );
  });

  it("answers each alliance's lead as the member of its LEAD membership current that day, by both paths", async () => {
    const source = `query($asOf: Date) { alliances(asOf: $asOf, first: 100) { edges { node { name
      lead { id name } memberships(current: true) { role organisation { id } } } } } }`;
    const leads: Record<string, string | null> = {};
    for (const asOf of DAYS) {
      const expected = await loading.gql(source, { asOf });
      const actual = await projecting.gql(source, { asOf });
      expect(actual).toEqual(expected);
      for (const { node } of actual.data!.alliances.edges) {
        const lead = node.memberships.find((m: any) => m.role === 'LEAD');
        expect({ alliance: node.name, asOf, lead: node.lead?.id ?? null }).toEqual({
          alliance: node.name,
          asOf,
          lead: lead?.organisation.id ?? null,
        });
        leads[`${node.name} ${asOf ?? 'today'}`] = node.lead?.name ?? null;
      }
    }
    // The edges themselves: a lead from today, a lead until today, a first lead from tomorrow, an archived lead.
    expect(leads).toMatchObject({
      [`Bündnis Nord ${YESTERDAY}`]: 'Org hwk',
      [`Bündnis Nord ${TODAY}`]: 'Org ihk',
      'Bündnis Nord today': 'Org ihk',
      [`Bündnis Nord ${TOMORROW}`]: 'Org ihk künftig',
      [`Bündnis Süd ${TODAY}`]: null,
      [`Bündnis Süd ${TOMORROW}`]: 'Org hwk',
      [`Bündnis West ${TODAY}`]: 'Org kammer',
    });
  });
});
