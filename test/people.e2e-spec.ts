import {
  insertAlliance,
  insertMeeting,
  insertMembership,
  insertOrganisation,
  insertPerson,
  insertRole,
  rowCount,
} from './support/factories';
import { createTestApp, GqlResponse, TestApp } from './support/test-app';

const PERSON_FIELDS = 'id honorificPrefix givenName familyName displayName version';
const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { ${PERSON_FIELDS} } }`;
const READ = `query($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`;
const ASSIGN = `mutation($input: AssignRoleInput!) { assignRole(input: $input) { id title validFrom validTo version person { id } organisation { id } } }`;
const END = `mutation($input: EndRoleInput!) { endRole(input: $input) { id validFrom validTo version } }`;
const LIST = `query($filter: PersonFilter, $first: Int, $after: String) {
  people(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id displayName } } pageInfo { hasNextPage endCursor } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { actor action entityType changes } }`;
const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { ${PERSON_FIELDS} archivedAt } }`;
const ARCHIVE_PERSON = `mutation($id: ID!, $v: Int!) { archivePerson(id: $id, expectedVersion: $v) { id version archivedAt } }`;
const RESTORE_PERSON = `mutation($id: ID!, $v: Int!) { restorePerson(id: $id, expectedVersion: $v) { id version archivedAt } }`;
const UPDATE_ROLE = `mutation($input: UpdateRoleInput!) { updateRole(input: $input) { id title validFrom validTo version } }`;
const UNKNOWN = '00000000-0000-4000-8000-000000000009';

const codeOf = (result: GqlResponse) => result.errors?.[0]?.extensions.code;
const fieldsOf = (result: GqlResponse) => result.errors?.[0]?.extensions.fields?.map((f) => f.field).sort();
const names = (result: GqlResponse) => result.data!.people.edges.map((e: { node: { displayName: string } }) => e.node.displayName);

describe('people and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** People who each hold a role at a fresh organisation, so a list filtered by it holds exactly them. */
  async function peopleAt(
    people: { givenName: string; familyName: string; honorificPrefix?: string }[],
  ): Promise<{ organisationId: string; ids: string[] }> {
    const organisationId = await insertOrganisation(t.dataSource);
    const ids: string[] = [];
    for (const person of people) {
      const id = await insertPerson(t.dataSource, person);
      await insertRole(t.dataSource, { personId: id, organisationId });
      ids.push(id);
    }
    return { organisationId, ids };
  }

  describe('createPerson', () => {
    it('creates a person, trimmed, with umlauts and ß intact, and reads it back', async () => {
      const created = await t.gql(
        CREATE,
        { input: { honorificPrefix: ' Dr. ', givenName: '  Andreas ', familyName: 'Schumm  ' } },
        { token: t.tokens.editor },
      );
      expect(created.errors).toBeUndefined();
      const person = created.data!.createPerson;
      expect(person).toMatchObject({
        honorificPrefix: 'Dr.',
        givenName: 'Andreas',
        familyName: 'Schumm',
        displayName: 'Dr. Andreas Schumm',
        version: 1,
      });
      await expect(t.gql(READ, { id: person.id })).resolves.toMatchObject({ data: { person } });

      const plain = await t.gql(CREATE, { input: { givenName: 'Jürgen', familyName: 'Weiß-Löffler' } }, { token: t.tokens.admin });
      expect(plain.data!.createPerson).toMatchObject({ honorificPrefix: null, displayName: 'Jürgen Weiß-Löffler' });
      const blankPrefix = await t.gql(
        CREATE,
        { input: { honorificPrefix: '   ', givenName: 'Ömer', familyName: 'Straßer' } },
        { token: t.tokens.admin },
      );
      expect(blankPrefix.data!.createPerson).toMatchObject({ honorificPrefix: null, displayName: 'Ömer Straßer' });
      await expect(t.gql(READ, { id: blankPrefix.data!.createPerson.id })).resolves.toMatchObject({
        data: { person: { givenName: 'Ömer', familyName: 'Straßer' } },
      });
    });

    it('records who created the person in the audit trail', async () => {
      const created = await t.gql(CREATE, { input: { givenName: 'Katrin', familyName: 'Audit' } }, { token: t.tokens.editor });
      const trail = await t.gql(TRAIL, { id: created.data!.createPerson.id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail).toHaveLength(1);
      expect(trail.data!.auditTrail[0]).toMatchObject({ actor: 'editor', action: 'createPerson', entityType: 'Person' });
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toMatchObject({ givenName: [null, 'Katrin'], familyName: [null, 'Audit'] });
    });

    it('names each bad field of invalid input', async () => {
      const result = await t.gql(
        CREATE,
        { input: { honorificPrefix: 'x'.repeat(301), givenName: '   ', familyName: 'y'.repeat(301) } },
        { token: t.tokens.admin },
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toEqual(['familyName', 'givenName', 'honorificPrefix']);
    });

    it('needs a token and a writing role, and writes nothing otherwise', async () => {
      const before = await rowCount(t.dataSource, 'person');
      const input = { givenName: 'Niemand', familyName: 'Unbefugt' };
      const anonymous = await t.gql(CREATE, { input });
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
      expect(anonymous.data).toBeNull();
      await expect(t.gql(CREATE, { input }, { token: t.tokens.reader })).resolves.toMatchObject({
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })],
      });
      await expect(rowCount(t.dataSource, 'person')).resolves.toBe(before);
    });

    it('lets a coordinator create people', async () => {
      const token = t.token('COORDINATOR', { sub: 'koordination', allianceIds: [await insertAlliance(t.dataSource)] });
      const created = await t.gql(CREATE, { input: { givenName: 'Kora', familyName: 'Koordinatorin' } }, { token });
      expect(created.errors).toBeUndefined();
      expect(created.data!.createPerson.displayName).toBe('Kora Koordinatorin');
    });
  });

  describe('person and the people list', () => {
    it('answers null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
      const missing = await t.gql(READ, { id: UNKNOWN });
      expect(missing.errors).toBeUndefined();
      expect(missing.data!.person).toBeNull();
      const malformed = await t.gql(READ, { id: 'not-a-uuid' });
      expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
      expect(malformed.errors![0].extensions.fields).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    });

    it('answers an empty page and a single exact page', async () => {
      const empty = await t.gql(LIST, { filter: { organisationId: await insertOrganisation(t.dataSource) } });
      expect(empty.data!.people).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
      const { organisationId } = await peopleAt([
        { givenName: 'Eva', familyName: 'Eins' },
        { givenName: 'Zoe', familyName: 'Zwei' },
      ]);
      const exact = await t.gql(LIST, { filter: { organisationId }, first: 2 });
      expect(names(exact)).toEqual(['Eva Eins', 'Zoe Zwei']);
      expect(exact.data!.people.pageInfo).toEqual({ hasNextPage: false, endCursor: exact.data!.people.edges[1].cursor });
      expect(exact.data!.people.totalCount).toBe(2);
    });

    it('pages by family, then given name in German order without repeating or skipping', async () => {
      const { organisationId } = await peopleAt([
        { givenName: 'Bernd', familyName: 'Zeller' },
        { givenName: 'Cem', familyName: 'Özdemir' },
        { givenName: 'Anna', familyName: 'Zeller' },
        { givenName: 'Ute', familyName: 'Ärmel' },
        { givenName: 'Otto', familyName: 'Oberle' },
        { givenName: 'Paul', familyName: 'Abele' },
        { givenName: 'Lisa', familyName: 'Müller', honorificPrefix: 'Prof. Dr.' },
      ]);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const result: GqlResponse = await t.gql(LIST, { filter: { organisationId }, first: 3, after });
        expect(result.errors).toBeUndefined();
        expect(result.data!.people.totalCount).toBe(7);
        seen.push(...names(result));
        after = result.data!.people.pageInfo.hasNextPage ? result.data!.people.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual([
        'Paul Abele',
        'Ute Ärmel',
        'Prof. Dr. Lisa Müller',
        'Otto Oberle',
        'Cem Özdemir',
        'Anna Zeller',
        'Bernd Zeller',
      ]);
    });

    it('bounds first to 1..100 and refuses a cursor it did not issue', async () => {
      for (const first of [0, 101]) {
        const result = await t.gql(LIST, { first });
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(result)).toEqual(['first']);
      }
      const forged = await t.gql(LIST, { after: 'bm90IGEgY3Vyc29y' });
      expect(forged.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'after' })] });
    });

    it('filters by organisation: everyone who ever held a role there, once', async () => {
      const organisationId = await insertOrganisation(t.dataSource);
      const elsewhere = await insertOrganisation(t.dataSource);
      const current = await insertPerson(t.dataSource, { givenName: 'Clara', familyName: 'Aktuell' });
      const former = await insertPerson(t.dataSource, { givenName: 'Fritz', familyName: 'Früher' });
      const other = await insertPerson(t.dataSource, { givenName: 'Olga', familyName: 'Anderswo' });
      await insertRole(t.dataSource, { personId: current, organisationId, title: 'Präsidentin', validFrom: '2010-01-01' });
      await insertRole(t.dataSource, {
        personId: current,
        organisationId,
        title: 'Vizepräsidentin',
        validFrom: '2005-01-01',
        validTo: '2010-01-01',
      });
      await insertRole(t.dataSource, { personId: former, organisationId, validFrom: '2001-01-01', validTo: '2004-01-01' });
      await insertRole(t.dataSource, { personId: other, organisationId: elsewhere });
      const result = await t.gql(LIST, { filter: { organisationId } });
      expect(names(result)).toEqual(['Clara Aktuell', 'Fritz Früher']);
      expect(result.data!.people.totalCount).toBe(2);
      const malformed = await t.gql(LIST, { filter: { organisationId: 'nope' } });
      expect(fieldsOf(malformed)).toEqual(['organisationId']);
    });

    it('searches "given family" and "family given" regardless of case and umlaut spelling', async () => {
      const { organisationId } = await peopleAt([
        { honorificPrefix: 'Dr.', givenName: 'Andreas', familyName: 'Schumm' },
        { givenName: 'Katrin', familyName: 'Löffler' },
        { givenName: 'Günter', familyName: 'Weiß' },
      ]);
      const search = async (text: string) => names(await t.gql(LIST, { filter: { organisationId, search: text } }));
      await expect(search('schumm')).resolves.toEqual(['Dr. Andreas Schumm']);
      await expect(search('andreas schumm')).resolves.toEqual(['Dr. Andreas Schumm']);
      await expect(search('SCHUMM andreas')).resolves.toEqual(['Dr. Andreas Schumm']);
      await expect(search('Löffler')).resolves.toEqual(['Katrin Löffler']);
      await expect(search('loeffler')).resolves.toEqual(['Katrin Löffler']);
      await expect(search('LOFFLER')).resolves.toEqual(['Katrin Löffler']);
      await expect(search('katrin löff')).resolves.toEqual(['Katrin Löffler']);
      await expect(search('weiss')).resolves.toEqual(['Günter Weiß']);
      await expect(search('guenter weiß')).resolves.toEqual(['Günter Weiß']);
      await expect(search('  ')).resolves.toHaveLength(3);
      await expect(search('100%_')).resolves.toEqual([]);
    });

    it('lists 50 people with their roles and organisations in as many statements as 5', async () => {
      const { organisationId } = await peopleAt(
        Array.from({ length: 50 }, (_, i) => ({ givenName: `Vorname ${i}`, familyName: `Zählung ${String(i).padStart(2, '0')}` })),
      );
      const query = `query($first: Int, $organisationId: ID) { people(first: $first, filter: { organisationId: $organisationId }) {
        edges { node { displayName roles(current: true) { title person { familyName } organisation { name roles { title } } } } } } }`;
      let result: GqlResponse | undefined;
      const small = await t.countStatements(async () => (result = await t.gql(query, { first: 5, organisationId })));
      expect(result!.errors).toBeUndefined();
      const large = await t.countStatements(async () => (result = await t.gql(query, { first: 50, organisationId })));
      expect(result!.errors).toBeUndefined();
      expect(result!.data!.people.edges).toHaveLength(50);
      expect(result!.data!.people.edges[49].node.roles[0].organisation.roles).toHaveLength(50);
      expect(large).toBe(small);
    });
  });

  describe('roles', () => {
    it('assigns roles and tells current ones from others by their period', async () => {
      const person = await insertPerson(t.dataSource, { givenName: 'Rita', familyName: 'Rolle' });
      const organisationId = await insertOrganisation(t.dataSource, { name: 'IHK Heilbronn-Franken' });
      const assign = (title: string, validFrom?: string, validTo?: string) =>
        t.gql(ASSIGN, { input: { personId: person, organisationId, title, validFrom, validTo } }, { token: t.tokens.admin });
      const current = await assign('  Präsidentin ', '2010-01-01');
      expect(current.errors).toBeUndefined();
      expect(current.data!.assignRole).toMatchObject({
        title: 'Präsidentin',
        validFrom: '2010-01-01',
        validTo: null,
        version: 1,
        person: { id: person },
        organisation: { id: organisationId },
      });
      await expect(assign('Vizepräsidentin', '2005-01-01', '2010-01-01')).resolves.toMatchObject({ errors: undefined });
      await expect(assign('Ehrenpräsidentin', '2999-01-01')).resolves.toMatchObject({ errors: undefined });
      await expect(assign('Mitglied')).resolves.toMatchObject({ errors: undefined });

      const read = await t.gql(
        `query($id: ID!) { person(id: $id) { all: roles { title } unset: roles(current: null) { title } current: roles(current: true) { title } other: roles(current: false) { title } } }`,
        { id: person },
      );
      expect(read.data!.person).toEqual({
        all: [{ title: 'Mitglied' }, { title: 'Vizepräsidentin' }, { title: 'Präsidentin' }, { title: 'Ehrenpräsidentin' }],
        unset: [{ title: 'Mitglied' }, { title: 'Vizepräsidentin' }, { title: 'Präsidentin' }, { title: 'Ehrenpräsidentin' }],
        current: [{ title: 'Mitglied' }, { title: 'Präsidentin' }],
        other: [{ title: 'Vizepräsidentin' }, { title: 'Ehrenpräsidentin' }],
      });
      const organisation = await t.gql(
        `query($id: ID!) { organisation(id: $id) { roles(current: true) { title person { displayName } } } }`,
        { id: organisationId },
      );
      expect(organisation.errors).toBeUndefined();
      expect(organisation.data!.organisation.roles).toEqual([
        { title: 'Mitglied', person: { displayName: 'Rita Rolle' } },
        { title: 'Präsidentin', person: { displayName: 'Rita Rolle' } },
      ]);
    });

    it('ends a role and records assignRole and endRole in the audit trail', async () => {
      const personId = await insertPerson(t.dataSource);
      const organisationId = await insertOrganisation(t.dataSource);
      const assigned = await t.gql(
        ASSIGN,
        { input: { personId, organisationId, title: 'Geschäftsführerin', validFrom: '2012-04-20' } },
        { token: t.tokens.editor },
      );
      const id = assigned.data!.assignRole.id;
      const ended = await t.gql(END, { input: { id, expectedVersion: 1, validTo: '2020-01-01' } }, { token: t.tokens.admin });
      expect(ended.data!.endRole).toEqual({ id, validFrom: '2012-04-20', validTo: '2020-01-01', version: 2 });
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(
        trail.data!.auditTrail.map((e: { actor: string; action: string; entityType: string }) => [e.actor, e.action, e.entityType]),
      ).toEqual([
        ['admin', 'endRole', 'Role'],
        ['editor', 'assignRole', 'Role'],
      ]);
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toEqual({ validTo: [null, '2020-01-01'] });
      const again = await t.gql(END, { input: { id, expectedVersion: 2, validTo: '2021-01-01' } }, { token: t.tokens.admin });
      expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'id' })] });
    });

    it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
      const personId = await insertPerson(t.dataSource);
      const id = await insertRole(t.dataSource, { personId, organisationId: await insertOrganisation(t.dataSource) });
      const stale = await t.gql(END, { input: { id, expectedVersion: 2, validTo: '2020-01-01' } }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
      const read = await t.gql(`query($id: ID!) { person(id: $id) { roles { id validTo version } } }`, { id: personId });
      expect(read.data!.person.roles).toEqual([{ id, validTo: null, version: 1 }]);
      await expect(t.gql(TRAIL, { id }, { token: t.tokens.reader })).resolves.toMatchObject({ data: { auditTrail: [] } });
    });

    it('refuses a period that ends before it starts, naming validTo', async () => {
      const personId = await insertPerson(t.dataSource);
      const organisationId = await insertOrganisation(t.dataSource);
      const before = await rowCount(t.dataSource, 'role');
      const backwards = await t.gql(
        ASSIGN,
        { input: { personId, organisationId, title: 'Leiter', validFrom: '2015-01-01', validTo: '2014-12-31' } },
        { token: t.tokens.admin },
      );
      expect(codeOf(backwards)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(backwards)).toEqual(['validTo']);
      await expect(rowCount(t.dataSource, 'role')).resolves.toBe(before);
      const id = await insertRole(t.dataSource, { personId, organisationId, validFrom: '2015-01-01' });
      const early = await t.gql(END, { input: { id, expectedVersion: 1, validTo: '2014-12-31' } }, { token: t.tokens.admin });
      expect(codeOf(early)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(early)).toEqual(['validTo']);
    });

    it('refuses impossible dates given as variables', async () => {
      const personId = await insertPerson(t.dataSource);
      const organisationId = await insertOrganisation(t.dataSource);
      const assign = await t.gql(
        ASSIGN,
        { input: { personId, organisationId, title: 'Leiterin', validFrom: '2025-02-30' } },
        { token: t.tokens.admin },
      );
      expect(codeOf(assign)).toBe('BAD_USER_INPUT');
      const id = await insertRole(t.dataSource, { personId, organisationId });
      const end = await t.gql(END, { input: { id, expectedVersion: 1, validTo: '2025-02-30' } }, { token: t.tokens.admin });
      expect(codeOf(end)).toBe('BAD_USER_INPUT');
    });

    it('answers NOT_FOUND for a person, organisation or role that does not exist', async () => {
      const personId = await insertPerson(t.dataSource);
      const organisationId = await insertOrganisation(t.dataSource);
      const noPerson = await t.gql(ASSIGN, { input: { personId: UNKNOWN, organisationId, title: 'Leiter' } }, { token: t.tokens.admin });
      expect(noPerson.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'personId' })] });
      const noOrganisation = await t.gql(
        ASSIGN,
        { input: { personId, organisationId: UNKNOWN, title: 'Leiter' } },
        { token: t.tokens.admin },
      );
      expect(noOrganisation.errors![0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        fields: [expect.objectContaining({ field: 'organisationId' })],
      });
      const noRole = await t.gql(END, { input: { id: UNKNOWN, expectedVersion: 1, validTo: '2020-01-01' } }, { token: t.tokens.admin });
      expect(noRole.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'id' })] });
    });

    it('refuses malformed ids and blank titles with BAD_USER_INPUT', async () => {
      const result = await t.gql(
        ASSIGN,
        { input: { personId: 'nope', organisationId: await insertOrganisation(t.dataSource), title: '  ' } },
        { token: t.tokens.admin },
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toEqual(['personId', 'title']);
      const end = await t.gql(END, { input: { id: 'nope', expectedVersion: 0, validTo: '2020-01-01' } }, { token: t.tokens.admin });
      expect(fieldsOf(end)).toEqual(['expectedVersion', 'id']);
    });

    it('needs a token and a writing role', async () => {
      const input = { personId: await insertPerson(t.dataSource), organisationId: await insertOrganisation(t.dataSource), title: 'Leiter' };
      await expect(t.gql(ASSIGN, { input }).then(codeOf)).resolves.toBe('UNAUTHENTICATED');
      await expect(t.gql(ASSIGN, { input }, { token: t.tokens.reader }).then(codeOf)).resolves.toBe('FORBIDDEN');
      const id = await insertRole(t.dataSource, input);
      await expect(t.gql(END, { input: { id, expectedVersion: 1, validTo: '2020-01-01' } }).then(codeOf)).resolves.toBe('UNAUTHENTICATED');
      await expect(
        t.gql(END, { input: { id, expectedVersion: 1, validTo: '2020-01-01' } }, { token: t.tokens.reader }).then(codeOf),
      ).resolves.toBe('FORBIDDEN');
    });

    it('lets a coordinator write roles only at current members of its alliances', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const otherAlliance = await insertAlliance(t.dataSource);
      const member = await insertOrganisation(t.dataSource);
      const former = await insertOrganisation(t.dataSource);
      const outsider = await insertOrganisation(t.dataSource);
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: member, joinedOn: '2012-04-20' });
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: former, joinedOn: '2012-04-20', leftOn: '2020-01-01' });
      await insertMembership(t.dataSource, { allianceId: otherAlliance, organisationId: outsider });
      const personId = await insertPerson(t.dataSource);
      const token = t.token('COORDINATOR', { sub: 'koordination-hn', allianceIds: [alliance] });
      const assignAt = (organisationId: string) =>
        t.gql(ASSIGN, { input: { personId, organisationId, title: 'Ansprechpartnerin' } }, { token });

      const allowed = await assignAt(member);
      expect(allowed.errors).toBeUndefined();
      await expect(assignAt(former).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(assignAt(outsider).then(codeOf)).resolves.toBe('FORBIDDEN');

      const endAt = (id: string) => t.gql(END, { input: { id, expectedVersion: 1, validTo: '2030-01-01' } }, { token });
      await expect(endAt(allowed.data!.assignRole.id)).resolves.toMatchObject({
        errors: undefined,
        data: { endRole: { validTo: '2030-01-01', version: 2 } },
      });
      const atFormer = await insertRole(t.dataSource, { personId, organisationId: former });
      const atOutsider = await insertRole(t.dataSource, { personId, organisationId: outsider });
      await expect(endAt(atFormer).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(endAt(atOutsider).then(codeOf)).resolves.toBe('FORBIDDEN');
      const read = await t.gql(`query($id: ID!) { person(id: $id) { roles { organisation { id } validTo } } }`, { id: personId });
      expect(read.data!.person.roles).toEqual(
        expect.arrayContaining([
          { organisation: { id: former }, validTo: null },
          { organisation: { id: outsider }, validTo: null },
        ]),
      );
      const trail = await t.gql(TRAIL, { id: allowed.data!.assignRole.id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
        ['koordination-hn', 'endRole'],
        ['koordination-hn', 'assignRole'],
      ]);
    });
  });

  /** What a write refused must leave as it was: the rows and the audit trail. */
  const tables = async () => ({
    person: await rowCount(t.dataSource, 'person'),
    role: await rowCount(t.dataSource, 'role'),
    audit_event: await rowCount(t.dataSource, 'audit_event'),
  });
  const actionsOf = async (id: string) =>
    (await t.gql(TRAIL, { id }, { token: t.tokens.reader })).data!.auditTrail.map((e: { actor: string; action: string }) => [
      e.actor,
      e.action,
    ]);

  /** A coordinator, an organisation that is a current member of its alliance, one that was, and one of another alliance. */
  async function coordinatorScene() {
    const alliance = await insertAlliance(t.dataSource);
    const member = await insertOrganisation(t.dataSource);
    const former = await insertOrganisation(t.dataSource);
    const outsider = await insertOrganisation(t.dataSource);
    await insertMembership(t.dataSource, { allianceId: alliance, organisationId: member, joinedOn: '2012-04-20' });
    await insertMembership(t.dataSource, { allianceId: alliance, organisationId: former, joinedOn: '2012-04-20', leftOn: '2020-01-01' });
    await insertMembership(t.dataSource, { allianceId: await insertAlliance(t.dataSource), organisationId: outsider });
    const token = t.token('COORDINATOR', { sub: 'koordination-hf', allianceIds: [alliance] });
    return { alliance, member, former, outsider, token };
  }

  describe('updatePerson', () => {
    it('corrects the spelling of a name, displayName follows; null clears the prefix, omitted fields keep theirs', async () => {
      const id = await insertPerson(t.dataSource, { honorificPrefix: 'Dr', givenName: 'Andeas', familyName: 'Schum' });
      const spelled = await t.gql(
        UPDATE_PERSON,
        { input: { id, expectedVersion: 1, honorificPrefix: ' Dr. ', givenName: 'Andreas', familyName: ' Schumm ' } },
        { token: t.tokens.editor },
      );
      expect(spelled.errors).toBeUndefined();
      expect(spelled.data!.updatePerson).toEqual({
        id,
        honorificPrefix: 'Dr.',
        givenName: 'Andreas',
        familyName: 'Schumm',
        displayName: 'Dr. Andreas Schumm',
        version: 2,
        archivedAt: null,
      });
      const cleared = await t.gql(UPDATE_PERSON, { input: { id, expectedVersion: 2, honorificPrefix: null } }, { token: t.tokens.admin });
      expect(cleared.errors).toBeUndefined();
      await expect(t.gql(READ, { id })).resolves.toMatchObject({
        data: { person: { honorificPrefix: null, givenName: 'Andreas', familyName: 'Schumm', displayName: 'Andreas Schumm', version: 3 } },
      });
      const blank = await t.gql(UPDATE_PERSON, { input: { id, expectedVersion: 3, honorificPrefix: 'Prof.' } }, { token: t.tokens.admin });
      expect(blank.data!.updatePerson.displayName).toBe('Prof. Andreas Schumm');
      await t.gql(UPDATE_PERSON, { input: { id, expectedVersion: 4, honorificPrefix: '   ' } }, { token: t.tokens.admin });
      await expect(t.gql(READ, { id })).resolves.toMatchObject({ data: { person: { honorificPrefix: null, version: 5 } } });
    });

    it('records the old and the new spelling in the audit trail', async () => {
      const id = await insertPerson(t.dataSource, { givenName: 'Katrin', familyName: 'Schüz' });
      await t.gql(UPDATE_PERSON, { input: { id, expectedVersion: 1, familyName: 'Schütz' } }, { token: t.tokens.editor });
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail).toEqual([
        { actor: 'editor', action: 'updatePerson', entityType: 'Person', changes: expect.any(String) },
      ]);
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toEqual({ familyName: ['Schüz', 'Schütz'] });
    });

    it('refuses a stale expectedVersion with CONFLICT, writing nothing', async () => {
      const id = await insertPerson(t.dataSource, { givenName: 'Stefan', familyName: 'Veraltet' });
      await t.gql(UPDATE_PERSON, { input: { id, expectedVersion: 1, givenName: 'Stephan' } }, { token: t.tokens.admin });
      const before = await tables();
      const stale = await t.gql(UPDATE_PERSON, { input: { id, expectedVersion: 1, givenName: 'Steffen' } }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      await expect(tables()).resolves.toEqual(before);
      await expect(t.gql(READ, { id })).resolves.toMatchObject({ data: { person: { givenName: 'Stephan', version: 2 } } });
    });

    it('answers NOT_FOUND for an unknown person and BAD_USER_INPUT naming each bad field', async () => {
      const unknown = await t.gql(UPDATE_PERSON, { input: { id: UNKNOWN, expectedVersion: 1, givenName: 'X' } }, { token: t.tokens.admin });
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'id' })] });
      const id = await insertPerson(t.dataSource);
      const before = await tables();
      const bad = await t.gql(
        UPDATE_PERSON,
        { input: { id, expectedVersion: 1, honorificPrefix: 'x'.repeat(301), givenName: null, familyName: '   ' } },
        { token: t.tokens.admin },
      );
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(bad)).toEqual(['familyName', 'givenName', 'honorificPrefix']);
      const malformed = await t.gql(UPDATE_PERSON, { input: { id: 'nope', expectedVersion: 0 } }, { token: t.tokens.admin });
      expect(fieldsOf(malformed)).toEqual(['expectedVersion', 'id']);
      await expect(tables()).resolves.toEqual(before);
    });

    it('needs a writing role; a coordinator corrects only people with a role today at a current member of its alliances', async () => {
      const { member, former, outsider, token } = await coordinatorScene();
      const inScope = await insertPerson(t.dataSource);
      await insertRole(t.dataSource, { personId: inScope, organisationId: member, validFrom: '2015-01-01' });
      const endedThere = await insertPerson(t.dataSource);
      await insertRole(t.dataSource, { personId: endedThere, organisationId: member, validTo: '2014-01-01' });
      const atFormer = await insertPerson(t.dataSource);
      await insertRole(t.dataSource, { personId: atFormer, organisationId: former });
      const atOutsider = await insertPerson(t.dataSource);
      await insertRole(t.dataSource, { personId: atOutsider, organisationId: outsider });
      const withoutRole = await insertPerson(t.dataSource);
      const correct = (id: string, as?: string) =>
        t.gql(UPDATE_PERSON, { input: { id, expectedVersion: 1, givenName: 'Korrigiert' } }, { token: as });

      const before = await tables();
      await expect(correct(inScope).then(codeOf)).resolves.toBe('UNAUTHENTICATED');
      await expect(correct(inScope, t.tokens.reader).then(codeOf)).resolves.toBe('FORBIDDEN');
      for (const id of [endedThere, atFormer, atOutsider, withoutRole])
        await expect(correct(id, token).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(tables()).resolves.toEqual(before);

      const allowed = await correct(inScope, token);
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data!.updatePerson).toMatchObject({ givenName: 'Korrigiert', version: 2 });
      await expect(actionsOf(inScope)).resolves.toEqual([['koordination-hf', 'updatePerson']]);
    });
  });

  describe('archivePerson and restorePerson', () => {
    it('takes an archived person out of the people list, organisation roles and meeting participants, and brings them back', async () => {
      const { organisationId, ids } = await peopleAt([
        { givenName: 'Anton', familyName: 'Archiv' },
        { givenName: 'Berta', familyName: 'Bleibt' },
      ]);
      const [archived, staying] = ids;
      const meeting = await insertMeeting(t.dataSource, {
        heldOn: '2013-10-29',
        allianceId: await insertAlliance(t.dataSource),
        participantIds: [archived, staying],
      });
      const VIEWS = `query($organisationId: ID!, $meeting: ID!, $person: ID!) {
        listed: people(filter: { organisationId: $organisationId }) { totalCount edges { node { id } } }
        all: people(filter: { organisationId: $organisationId, includeArchived: true }) { totalCount edges { node { id archivedAt } } }
        found: people(filter: { search: "Anton Archiv" }) { edges { node { id } } }
        organisation(id: $organisationId) { roles { person { id } } current: roles(current: true) { person { id } } }
        meeting(id: $meeting) { participants { id } }
        person(id: $person) { id archivedAt roles { organisation { id } } }
      }`;
      const views = async () => {
        const result = await t.gql(VIEWS, { organisationId, meeting, person: archived });
        expect(result.errors).toBeUndefined();
        return result.data!;
      };

      const done = await t.gql(ARCHIVE_PERSON, { id: archived, v: 1 }, { token: t.tokens.editor });
      expect(done.errors).toBeUndefined();
      expect(done.data!.archivePerson).toEqual({ id: archived, version: 2, archivedAt: expect.any(String) });
      const gone = await views();
      expect(gone.listed).toEqual({ totalCount: 1, edges: [{ node: { id: staying } }] });
      expect(gone.all.totalCount).toBe(2);
      expect(gone.all.edges).toEqual([
        { node: { id: archived, archivedAt: done.data!.archivePerson.archivedAt } },
        { node: { id: staying, archivedAt: null } },
      ]);
      expect(gone.found.edges).toEqual([]);
      expect(gone.organisation).toEqual({ roles: [{ person: { id: staying } }], current: [{ person: { id: staying } }] });
      expect(gone.meeting.participants).toEqual([{ id: staying }]);
      // The single record still answers, with its own roles whole.
      expect(gone.person).toEqual({
        id: archived,
        archivedAt: done.data!.archivePerson.archivedAt,
        roles: [{ organisation: { id: organisationId } }],
      });

      const restored = await t.gql(RESTORE_PERSON, { id: archived, v: 2 }, { token: t.tokens.admin });
      expect(restored.data!.restorePerson).toEqual({ id: archived, version: 3, archivedAt: null });
      const back = await views();
      expect(back.listed.edges).toEqual([{ node: { id: archived } }, { node: { id: staying } }]);
      expect(back.found.edges).toEqual([{ node: { id: archived } }]);
      // Both roles have the same title and no dates, so the roles' ids order them: compare who holds them.
      const holders = (roles: { person: { id: string } }[]) => roles.map((role) => role.person.id).sort();
      expect(holders(back.organisation.roles)).toEqual([archived, staying].sort());
      expect(holders(back.organisation.current)).toEqual([archived, staying].sort());
      expect(back.meeting.participants).toEqual([{ id: archived }, { id: staying }]);
      expect(back.person.archivedAt).toBeNull();

      const trail = await t.gql(TRAIL, { id: archived }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
        ['admin', 'restorePerson'],
        ['editor', 'archivePerson'],
      ]);
      expect(JSON.parse(trail.data!.auditTrail[1].changes)).toEqual({ archivedAt: [null, done.data!.archivePerson.archivedAt] });
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toEqual({ archivedAt: [done.data!.archivePerson.archivedAt, null] });
    });

    it('refuses archiving twice, restoring a person who is not archived, a stale version and an unknown id, writing nothing', async () => {
      const id = await insertPerson(t.dataSource);
      const notArchived = await t.gql(RESTORE_PERSON, { id, v: 1 }, { token: t.tokens.admin });
      expect(notArchived.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'id' })],
      });
      await t.gql(ARCHIVE_PERSON, { id, v: 1 }, { token: t.tokens.admin });
      const before = await tables();
      const twice = await t.gql(ARCHIVE_PERSON, { id, v: 2 }, { token: t.tokens.admin });
      expect(twice.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'id' })] });
      const stale = await t.gql(RESTORE_PERSON, { id, v: 1 }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const unknown = await t.gql(ARCHIVE_PERSON, { id: UNKNOWN, v: 1 }, { token: t.tokens.admin });
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'id' })] });
      const malformed = await t.gql(ARCHIVE_PERSON, { id: 'nope', v: 1 }, { token: t.tokens.admin });
      expect(fieldsOf(malformed)).toEqual(['id']);
      await expect(tables()).resolves.toEqual(before);
      await expect(t.gql(READ, { id })).resolves.toMatchObject({ data: { person: { version: 2 } } });
    });

    it('needs a writing role; a coordinator archives and restores only people in its scope', async () => {
      const { member, outsider, token } = await coordinatorScene();
      const inScope = await insertPerson(t.dataSource);
      await insertRole(t.dataSource, { personId: inScope, organisationId: member });
      const foreign = await insertPerson(t.dataSource);
      await insertRole(t.dataSource, { personId: foreign, organisationId: outsider });
      const before = await tables();
      await expect(t.gql(ARCHIVE_PERSON, { id: inScope, v: 1 }).then(codeOf)).resolves.toBe('UNAUTHENTICATED');
      await expect(t.gql(ARCHIVE_PERSON, { id: inScope, v: 1 }, { token: t.tokens.reader }).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(t.gql(ARCHIVE_PERSON, { id: foreign, v: 1 }, { token }).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(tables()).resolves.toEqual(before);
      await expect(t.gql(ARCHIVE_PERSON, { id: inScope, v: 1 }, { token })).resolves.toMatchObject({
        errors: undefined,
        data: { archivePerson: { version: 2 } },
      });
      await t.dataSource.query('UPDATE person SET archived_at = now(), version = 2 WHERE id = $1', [foreign]);
      await expect(t.gql(RESTORE_PERSON, { id: foreign, v: 2 }, { token }).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(t.gql(RESTORE_PERSON, { id: inScope, v: 2 }, { token })).resolves.toMatchObject({
        errors: undefined,
        data: { restorePerson: { version: 3, archivedAt: null } },
      });
      await expect(actionsOf(inScope)).resolves.toEqual([
        ['koordination-hf', 'restorePerson'],
        ['koordination-hf', 'archivePerson'],
      ]);
    });
  });

  describe('updateRole', () => {
    it('corrects title and dates in place, clears a date with null, and reads back through the person and the organisation', async () => {
      const personId = await insertPerson(t.dataSource, { givenName: 'Kirsten', familyName: 'Hirschmann' });
      const organisationId = await insertOrganisation(t.dataSource);
      const id = await insertRole(t.dataSource, {
        personId,
        organisationId,
        title: 'Geschäftsfüherin',
        validFrom: '2012-04-02',
        validTo: '2019-01-01',
      });
      const corrected = await t.gql(
        UPDATE_ROLE,
        { input: { id, expectedVersion: 1, title: ' Geschäftsführerin ', validFrom: '2012-04-20', validTo: null } },
        { token: t.tokens.editor },
      );
      expect(corrected.errors).toBeUndefined();
      expect(corrected.data!.updateRole).toEqual({ id, title: 'Geschäftsführerin', validFrom: '2012-04-20', validTo: null, version: 2 });
      const read = await t.gql(
        `query($person: ID!, $organisation: ID!) { person(id: $person) { roles(current: true) { id title validFrom validTo version } }
          organisation(id: $organisation) { roles(current: true) { id title } } }`,
        { person: personId, organisation: organisationId },
      );
      expect(read.data!.person.roles).toEqual([corrected.data!.updateRole]);
      expect(read.data!.organisation.roles).toEqual([{ id, title: 'Geschäftsführerin' }]);

      const unknownStart = await t.gql(UPDATE_ROLE, { input: { id, expectedVersion: 2, validFrom: null } }, { token: t.tokens.admin });
      expect(unknownStart.data!.updateRole).toEqual({ id, title: 'Geschäftsführerin', validFrom: null, validTo: null, version: 3 });

      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { action: string }) => e.action)).toEqual(['updateRole', 'updateRole']);
      expect(JSON.parse(trail.data!.auditTrail[1].changes)).toEqual({
        title: ['Geschäftsfüherin', 'Geschäftsführerin'],
        validFrom: ['2012-04-02', '2012-04-20'],
        validTo: ['2019-01-01', null],
      });
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toEqual({ validFrom: ['2012-04-20', null] });
    });

    it('refuses a period that ends before it starts, naming validTo, from the input alone or against the stored dates', async () => {
      const personId = await insertPerson(t.dataSource);
      const organisationId = await insertOrganisation(t.dataSource);
      const starts = await insertRole(t.dataSource, { personId, organisationId, validFrom: '2015-01-01' });
      const ends = await insertRole(t.dataSource, { personId, organisationId, validTo: '2015-01-01' });
      const before = await tables();
      const cases = [
        { id: starts, expectedVersion: 1, validFrom: '2016-01-01', validTo: '2015-12-31' },
        { id: starts, expectedVersion: 1, validTo: '2014-12-31' },
        { id: ends, expectedVersion: 1, validFrom: '2015-01-02' },
      ];
      for (const input of cases) {
        const result = await t.gql(UPDATE_ROLE, { input }, { token: t.tokens.admin });
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(result)).toEqual(['validTo']);
      }
      await expect(tables()).resolves.toEqual(before);
      // A period of no day (validTo = validFrom) is what the database allows.
      const empty = await t.gql(
        UPDATE_ROLE,
        { input: { id: ends, expectedVersion: 1, validFrom: '2015-01-01' } },
        { token: t.tokens.admin },
      );
      expect(empty.data!.updateRole).toMatchObject({ validFrom: '2015-01-01', validTo: '2015-01-01', version: 2 });
    });

    it('refuses a stale version with CONFLICT, an unknown role with NOT_FOUND and bad input, writing nothing', async () => {
      const personId = await insertPerson(t.dataSource);
      const id = await insertRole(t.dataSource, { personId, organisationId: await insertOrganisation(t.dataSource), title: 'Leiterin' });
      const before = await tables();
      const stale = await t.gql(UPDATE_ROLE, { input: { id, expectedVersion: 2, title: 'Leiter' } }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
      const unknown = await t.gql(UPDATE_ROLE, { input: { id: UNKNOWN, expectedVersion: 1, title: 'Leiter' } }, { token: t.tokens.admin });
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'id' })] });
      const bad = await t.gql(
        UPDATE_ROLE,
        { input: { id, expectedVersion: 1, title: '  ', validFrom: '2025-02-30' } },
        { token: t.tokens.admin },
      );
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      const nullTitle = await t.gql(UPDATE_ROLE, { input: { id, expectedVersion: 1, title: null } }, { token: t.tokens.admin });
      expect(fieldsOf(nullTitle)).toEqual(['title']);
      const long = await t.gql(UPDATE_ROLE, { input: { id, expectedVersion: 1, title: 'x'.repeat(301) } }, { token: t.tokens.admin });
      expect(fieldsOf(long)).toEqual(['title']);
      await expect(tables()).resolves.toEqual(before);
      const read = await t.gql(`query($id: ID!) { person(id: $id) { roles { title version } } }`, { id: personId });
      expect(read.data!.person.roles).toEqual([{ title: 'Leiterin', version: 1 }]);
    });

    it('needs a writing role; a coordinator corrects roles only at current members of its alliances', async () => {
      const { member, former, outsider, token } = await coordinatorScene();
      const personId = await insertPerson(t.dataSource);
      const atMember = await insertRole(t.dataSource, { personId, organisationId: member });
      const correct = (id: string, as?: string) =>
        t.gql(UPDATE_ROLE, { input: { id, expectedVersion: 1, title: 'Referentin' } }, { token: as });
      const before = await tables();
      await expect(correct(atMember).then(codeOf)).resolves.toBe('UNAUTHENTICATED');
      await expect(correct(atMember, t.tokens.reader).then(codeOf)).resolves.toBe('FORBIDDEN');
      for (const organisationId of [former, outsider]) {
        const role = await insertRole(t.dataSource, { personId, organisationId });
        await expect(correct(role, token).then(codeOf)).resolves.toBe('FORBIDDEN');
      }
      await expect(rowCount(t.dataSource, 'audit_event')).resolves.toBe(before.audit_event);
      await expect(correct(atMember, token)).resolves.toMatchObject({
        errors: undefined,
        data: { updateRole: { title: 'Referentin', version: 2 } },
      });
      await expect(actionsOf(atMember)).resolves.toEqual([['koordination-hf', 'updateRole']]);
    });
  });
});
