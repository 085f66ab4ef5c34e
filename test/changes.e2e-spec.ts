import { DataSource } from 'typeorm';
import { startQuietServer } from './support/embedded-server-process';
import { insertAlliance, insertOrganisation } from './support/factories';
import { createTestApp, GqlResponse, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

const FEED = `query($filter: ChangeFilter, $first: Int, $after: String) {
  changes(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id at actor action entityType entityId changes } } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { id actor action } }`;
const SOME_ID = '00000000-0000-4000-8000-000000000000';

interface FeedNode {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: string;
}
interface FeedPage {
  changes: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: FeedNode }[];
  };
}
type Filter = Record<string, unknown>;

interface EventRow {
  /** An instant with microseconds, e.g. 1991-03-01T10:00:00.000001Z. */
  at: string;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  changes?: Record<string, unknown[]>;
}

let sequence = 0;
/** A name no other test uses, so a filter on it finds only this test's events. */
const unique = (prefix: string) => `${prefix}-${++sequence}-${Math.random().toString(36).slice(2, 8)}`;

/** Events written straight to the table: the feed reads what writes recorded; here a test fixes the instants. */
async function insertEvents(ds: DataSource, events: EventRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (const event of events) {
    const rows: { id: string }[] = await ds.query(
      'INSERT INTO audit_event (at, actor, action, entity_type, entity_id, changes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [
        event.at,
        event.actor ?? 'feed-test',
        event.action ?? 'updateOrganisation',
        event.entityType ?? 'Organisation',
        event.entityId ?? SOME_ID,
        JSON.stringify(event.changes ?? { website: [null, 'https://example.org'] }),
      ],
    );
    ids.push(rows[0].id);
  }
  return ids;
}

/** Every event of the table, newest first as the contract orders them (at, then id, both descending), worked out here. */
async function allEventsNewestFirst(ds: DataSource): Promise<string[]> {
  const rows: { id: string; at: string }[] = await ds.query(
    `SELECT id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at FROM audit_event`,
  );
  return rows.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1)).map((row) => row.id);
}

describe('changes: the change feed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const feed = (variables: { filter?: Filter; first?: number; after?: string }, token: string | undefined = t.tokens.reader) =>
    t.gql<FeedPage>(FEED, variables, { token });

  /** Every page of a filter, asserting each page's totalCount and that the pages neither repeat nor skip. */
  async function walk(filter: Filter, first: number): Promise<{ nodes: FeedNode[]; totalCount: number; pages: number }> {
    const nodes: FeedNode[] = [];
    let after: string | undefined;
    let totalCount: number | undefined;
    let pages = 0;
    for (;;) {
      const result = await feed({ filter, first, after });
      expect(result.errors).toBeUndefined();
      const page = result.data!.changes;
      totalCount ??= page.totalCount;
      expect(page.totalCount).toBe(totalCount);
      expect(page.edges.length).toBeLessThanOrEqual(first);
      nodes.push(...page.edges.map((edge) => edge.node));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(first);
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
      after = page.pageInfo.endCursor!;
    }
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
    expect(nodes).toHaveLength(totalCount);
    return { nodes, totalCount, pages };
  }

  const ids = (nodes: FeedNode[]) => nodes.map((node) => node.id);

  const expectUnauthenticated = (result: GqlResponse) => {
    expect(result.data).toBeNull();
    expect(result.errors!.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
  };

  describe('order and pages', () => {
    it('lists every event newest first, across pages without repeats or gaps, with totalCount', async () => {
      await insertEvents(
        t.dataSource,
        Array.from({ length: 23 }, (_, index) => ({ at: `2003-04-${String(1 + index).padStart(2, '0')}T08:00:00.000000Z` })),
      );
      const expected = await allEventsNewestFirst(t.dataSource);
      const { nodes, totalCount, pages } = await walk({}, 7);
      expect(ids(nodes)).toEqual(expected);
      expect(totalCount).toBe(expected.length);
      expect(pages).toBe(Math.ceil(expected.length / 7));
    });

    it('orders events of the same instant by id, descending, and pages through them one by one', async () => {
      const actor = unique('ties');
      const at = '1985-05-05T05:05:05.123456Z';
      const tied = await insertEvents(
        t.dataSource,
        Array.from({ length: 7 }, () => ({ at, actor })),
      );
      const { nodes } = await walk({ actor }, 2);
      expect(ids(nodes)).toEqual([...tied].sort().reverse());
      expect(new Set(nodes.map((node) => node.at))).toEqual(new Set(['1985-05-05T05:05:05.123Z']));
    });

    it('keeps microseconds in its cursors: events within one millisecond are neither skipped nor repeated', async () => {
      const actor = unique('micro');
      const [first, second, third, fourth] = await insertEvents(t.dataSource, [
        { at: '1986-06-06T06:06:06.123999Z', actor },
        { at: '1986-06-06T06:06:06.123457Z', actor },
        { at: '1986-06-06T06:06:06.123456Z', actor },
        { at: '1986-06-06T06:06:06.123000Z', actor },
      ]);
      const { nodes } = await walk({ actor }, 1);
      expect(ids(nodes)).toEqual([first, second, third, fourth]);
    });

    it('answers an empty page after the last cursor with the same totalCount', async () => {
      const actor = unique('last');
      await insertEvents(t.dataSource, [
        { at: '1987-01-01T00:00:00.000001Z', actor },
        { at: '1987-01-01T00:00:00.000002Z', actor },
      ]);
      const page = await feed({ filter: { actor }, first: 2 });
      expect(page.data!.changes).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
      const after = await feed({ filter: { actor }, first: 2, after: page.data!.changes.pageInfo.endCursor! });
      expect(after.errors).toBeUndefined();
      expect(after.data!.changes).toEqual({ totalCount: 2, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    });

    it('shows an event as written, its changes as a JSON string', async () => {
      const actor = unique('shown');
      const entityId = '11111111-1111-4111-8111-111111111111';
      const [id] = await insertEvents(t.dataSource, [
        {
          at: '1988-02-03T04:05:06.789000Z',
          actor,
          action: 'renameOrganisation',
          entityType: 'Organisation',
          entityId,
          changes: { name: ['Ministerium für Finanzen und Wirtschaft', 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau'] },
        },
      ]);
      const result = await feed({ filter: { actor } });
      expect(result.data!.changes.edges.map((edge) => edge.node)).toEqual([
        {
          id,
          at: '1988-02-03T04:05:06.789Z',
          actor,
          action: 'renameOrganisation',
          entityType: 'Organisation',
          entityId,
          changes: JSON.stringify({
            name: ['Ministerium für Finanzen und Wirtschaft', 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau'],
          }),
        },
      ]);
    });
  });

  describe('filters', () => {
    it('since is inclusive: the events at or after the instant', async () => {
      const [atSince, after] = await insertEvents(t.dataSource, [
        { at: '2091-03-01T10:00:00.000000Z' },
        { at: '2091-03-01T10:00:00.000001Z' },
        { at: '2091-03-01T09:59:59.999999Z' },
      ]);
      const { nodes } = await walk({ since: '2091-03-01T10:00:00Z' }, 100);
      expect(ids(nodes)).toEqual([after, atSince]);
    });

    it('since and until take any offset: 12:00+02:00 is 10:00Z', async () => {
      const [atSince] = await insertEvents(t.dataSource, [{ at: '2092-03-01T10:00:00.000000Z' }, { at: '2092-03-01T09:59:59.999999Z' }]);
      const { nodes } = await walk({ since: '2092-03-01T12:00:00+02:00', until: '2093-01-01T00:00:00Z' }, 100);
      expect(ids(nodes)).toEqual([atSince]);
    });

    it('until is exclusive: the events before the instant', async () => {
      const [before, earlier] = await insertEvents(t.dataSource, [
        { at: '1901-03-01T09:59:59.999999Z' },
        { at: '1901-02-01T00:00:00.000000Z' },
        { at: '1901-03-01T10:00:00.000000Z' },
      ]);
      const { nodes } = await walk({ until: '1901-03-01T10:00:00.000Z' }, 100);
      expect(ids(nodes)).toEqual([before, earlier]);
    });

    it('actor, entityType and action each match exactly', async () => {
      const actor = unique('koordination');
      const entityType = unique('Type');
      const action = unique('action');
      const [byActor, ofType, ofAction] = await insertEvents(t.dataSource, [
        { at: '1902-01-01T00:00:00.000000Z', actor },
        { at: '1902-01-02T00:00:00.000000Z', entityType },
        { at: '1902-01-03T00:00:00.000000Z', action },
        { at: '1902-01-04T00:00:00.000000Z', actor: `${actor}x`, entityType: entityType.toLowerCase(), action: `${action} ` },
      ]);
      await expect(walk({ actor }, 10).then((r) => ids(r.nodes))).resolves.toEqual([byActor]);
      await expect(walk({ entityType }, 10).then((r) => ids(r.nodes))).resolves.toEqual([ofType]);
      await expect(walk({ action }, 10).then((r) => ids(r.nodes))).resolves.toEqual([ofAction]);
      // Trimmed like every input string: " actor " is the actor.
      await expect(walk({ actor: ` ${actor} ` }, 10).then((r) => ids(r.nodes))).resolves.toEqual([byActor]);
    });

    describe('allianceId', () => {
      const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { id version } }`;
      const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveMembership(id: $id, expectedVersion: $v) { id } }`;
      const UPDATE = `mutation($input: UpdateAllianceInput!) { updateAlliance(input: $input) { version } }`;
      const RECORD = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`;

      async function write<T = any>(query: string, variables: Record<string, unknown>): Promise<T> {
        const result: GqlResponse<T> = await t.gql<T>(query, variables, { token: t.tokens.editor });
        expect(result.errors).toBeUndefined();
        return result.data!;
      }

      /** An alliance with events on itself, a membership (archived later), another membership and a meeting. */
      async function allianceWithHistory() {
        const allianceId = await insertAlliance(t.dataSource);
        const [ihk, hwk] = [await insertOrganisation(t.dataSource), await insertOrganisation(t.dataSource)];
        await write(UPDATE, { input: { id: allianceId, expectedVersion: 1, description: 'Fachkräftesicherung' } });
        const lead = await write<{ addMember: { id: string } }>(ADD, {
          input: { allianceId, organisationId: ihk, role: 'LEAD', joinedOn: '2012-04-20' },
        });
        const partner = await write<{ addMember: { id: string; version: number } }>(ADD, {
          input: { allianceId, organisationId: hwk, role: 'PARTNER', joinedOn: '2012-04-20' },
        });
        await write(ARCHIVE, { id: partner.addMember.id, v: partner.addMember.version });
        const meeting = await write<{ recordMeeting: { id: string } }>(RECORD, {
          input: { kind: 'OTHER', status: 'HELD', title: 'Fachkräftekonferenz', heldOn: '2013-10-29', allianceId },
        });
        return { allianceId, ihk, membershipIds: [lead.addMember.id, partner.addMember.id], meetingId: meeting.recordMeeting.id };
      }

      it("lists the events on the alliance, its memberships (archived ones too) and its meetings, and no other alliance's", async () => {
        const own = await allianceWithHistory();
        const other = await allianceWithHistory();
        // The member organisation's own events, and an event of another type that happens to carry the alliance's id.
        await insertEvents(t.dataSource, [
          { at: '2030-01-01T00:00:00.000000Z', entityType: 'Organisation', entityId: own.ihk },
          { at: '2030-01-01T00:00:00.000000Z', entityType: 'Organisation', entityId: own.allianceId },
        ]);

        const { nodes } = await walk({ allianceId: own.allianceId }, 2);
        expect(nodes.map((node) => [node.action, node.entityType, node.entityId])).toEqual([
          ['recordMeeting', 'Meeting', own.meetingId],
          ['archiveMembership', 'Membership', own.membershipIds[1]],
          ['addMember', 'Membership', own.membershipIds[1]],
          ['addMember', 'Membership', own.membershipIds[0]],
          ['updateAlliance', 'Alliance', own.allianceId],
        ]);
        expect(nodes.every((node) => node.actor === 'editor')).toBe(true);
        // The same, named in upper case: ids are ids however they are written.
        const upper = await feed({ filter: { allianceId: own.allianceId.toUpperCase() } });
        expect(upper.data!.changes.totalCount).toBe(5);
        const others = await walk({ allianceId: other.allianceId }, 100);
        expect(others.nodes.map((node) => node.entityId)).not.toContain(own.allianceId);
        expect(others.totalCount).toBe(5);
      });

      it('finds nothing for an alliance that does not exist', async () => {
        await expect(feed({ filter: { allianceId: SOME_ID } }).then((r) => r.data!.changes)).resolves.toEqual({
          totalCount: 0,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: [],
        });
      });

      it('combines with every other filter, and pages the combination', async () => {
        const { allianceId, membershipIds } = await allianceWithHistory();
        const [membership] = membershipIds;
        const koordination = unique('koordination');
        const [inWindow, alsoInWindow] = await insertEvents(t.dataSource, [
          {
            at: '2040-05-05T12:00:00.000000Z',
            actor: koordination,
            action: 'correctMembership',
            entityType: 'Membership',
            entityId: membership,
          },
          {
            at: '2040-05-05T12:00:00.000000Z',
            actor: koordination,
            action: 'correctMembership',
            entityType: 'Membership',
            entityId: membership,
          },
          // Each of these fails exactly one condition.
          {
            at: '2040-05-06T12:00:00.000000Z',
            actor: koordination,
            action: 'correctMembership',
            entityType: 'Membership',
            entityId: membership,
          },
          {
            at: '2040-05-04T12:00:00.000000Z',
            actor: koordination,
            action: 'correctMembership',
            entityType: 'Membership',
            entityId: membership,
          },
          {
            at: '2040-05-05T12:00:00.000000Z',
            actor: 'editor',
            action: 'correctMembership',
            entityType: 'Membership',
            entityId: membership,
          },
          {
            at: '2040-05-05T12:00:00.000000Z',
            actor: koordination,
            action: 'endMembership',
            entityType: 'Membership',
            entityId: membership,
          },
          {
            at: '2040-05-05T12:00:00.000000Z',
            actor: koordination,
            action: 'correctMembership',
            entityType: 'Meeting',
            entityId: membership,
          },
          {
            at: '2040-05-05T12:00:00.000000Z',
            actor: koordination,
            action: 'correctMembership',
            entityType: 'Membership',
            entityId: SOME_ID,
          },
        ]);
        const filter = {
          allianceId,
          actor: koordination,
          entityType: 'Membership',
          action: 'correctMembership',
          since: '2040-05-05T00:00:00Z',
          until: '2040-05-06T00:00:00Z',
        };
        const { nodes, pages } = await walk(filter, 1);
        expect(ids(nodes)).toEqual([inWindow, alsoInWindow].sort().reverse());
        expect(pages).toBe(2);
      });
    });
  });

  describe('bad input is BAD_USER_INPUT naming the field', () => {
    const refused = async (variables: Record<string, unknown>, field: string) => {
      const result = await feed(variables);
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields!.map((f) => f.field)).toEqual([field]);
      return result.errors![0];
    };

    it.each([0, 101, -1])('first = %s', async (first) => {
      await refused({ first }, 'first');
    });

    it.each(['abc', '1', `${SOME_ID} `])('allianceId = %j', async (allianceId) => {
      await refused({ filter: { allianceId } }, 'allianceId');
    });

    it.each(['yesterday', '2013-10-29', '2013-10-29T10:00:00', '2013-02-30T10:00:00Z', '2013-10-29T25:00:00Z', ''])(
      'since = %j, in a variable',
      async (since) => {
        const error = await refused({ filter: { since } }, 'since');
        expect(error.message).toContain('ISO 8601 instant with an offset');
      },
    );

    it('until that is not an instant, written inline', async () => {
      const result = await t.gql('{ changes(filter: { until: "29.10.2013" }) { totalCount } }', {}, { token: t.tokens.reader });
      expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'until' }] });
      const number = await t.gql('{ changes(filter: { until: 20131029 }) { totalCount } }', {}, { token: t.tokens.reader });
      expect(number.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'until' }] });
    });

    it('until before since; the same instant is an empty window, not an error', async () => {
      const error = await refused({ filter: { since: '2013-10-29T10:00:00Z', until: '2013-10-29T11:59:59+02:00' } }, 'until');
      expect(error.message).toContain('until must not be before since');
      const empty = await feed({ filter: { since: '2013-10-29T10:00:00Z', until: '2013-10-29T12:00:00+02:00' } });
      expect(empty.data!.changes.totalCount).toBe(0);
    });

    it.each([
      ['an empty actor', { actor: '  ' }, 'actor'],
      ['an actor longer than any sub', { actor: 'x'.repeat(201) }, 'actor'],
      ['an empty entityType', { entityType: '' }, 'entityType'],
      ['an action of 101 characters', { action: 'x'.repeat(101) }, 'action'],
      ['an actor with a NUL', { actor: 'a\u0000b' }, 'actor'],
    ])('%s', async (_name, filter, field) => {
      await refused({ filter }, field);
    });

    it.each([
      ['not base64 JSON', 'not-a-cursor'],
      ['a cursor of another list (a date key)', Buffer.from(JSON.stringify(['2013-10-29', SOME_ID])).toString('base64url')],
      ['an instant that does not exist', Buffer.from(JSON.stringify(['2013-02-30T10:00:00.000000Z', SOME_ID])).toString('base64url')],
      ['a number key', Buffer.from(JSON.stringify([1, SOME_ID])).toString('base64url')],
    ])('after = %s', async (_name, after) => {
      await refused({ after }, 'after');
    });
  });

  describe('who may read events: a token of any role, never an anonymous caller', () => {
    it.each(['ADMIN', 'EDITOR', 'COORDINATOR', 'READER'] as const)('%s reads the feed and a trail', async (role) => {
      const token = t.token(role, { sub: `${role.toLowerCase()}-reads`, allianceIds: role === 'COORDINATOR' ? [SOME_ID] : [] });
      const actor = unique('read-by');
      const [id] = await insertEvents(t.dataSource, [{ at: '1903-01-01T00:00:00.000000Z', actor, entityId: SOME_ID }]);
      const page = await t.gql<FeedPage>(FEED, { filter: { actor } }, { token });
      expect(page.data!.changes.edges.map((edge) => edge.node.id)).toEqual([id]);
      const trail = await t.gql<{ auditTrail: { id: string }[] }>(TRAIL, { id: SOME_ID }, { token });
      expect(trail.data!.auditTrail.map((event) => event.id)).toContain(id);
    });

    // (A value its type cannot hold, such as since: "yesterday", is refused by GraphQL before any field runs.)
    it("refuses an anonymous caller before the field's own checks of its input", async () => {
      expectUnauthenticated(await t.gql(FEED, { first: 1000, filter: { allianceId: 'abc' } }));
      expectUnauthenticated(await t.gql(TRAIL, { id: 'abc' }));
    });

    /**
     * With the response cache on (as shipped), on a server of their own: the cache's key is
     * PostgreSQL's snapshot, which other test files' commits would change, and a hit must be
     * certain here to show that a kept answer does not reach an anonymous caller.
     */
    describe('with the response cache on', () => {
      let server: Awaited<ReturnType<typeof startQuietServer>>;
      let open: TestApp;
      let closed: TestApp;
      beforeAll(async () => {
        server = await startQuietServer('feed');
        open = await createTestApp({ DATABASE_URL: server.url });
        closed = await createTestApp({ DATABASE_URL: server.url, PUBLIC_READ: false });
      });
      afterAll(async () => {
        await closed?.close();
        await open?.close();
        await server?.stop();
      });

      /** Asks as a reader twice, the second time answered from the cache (one statement: the data version). */
      async function cachedForReader(app: TestApp, query: string, variables: Record<string, unknown>): Promise<void> {
        const asked = await app.gql(query, variables, { token: app.tokens.reader });
        expect(asked.errors).toBeUndefined();
        let again: GqlResponse | undefined;
        const statements = await app.countStatements(async () => {
          again = await app.gql(query, variables, { token: app.tokens.reader });
        });
        expect(statements).toBe(1);
        expect(again!.data).toEqual(asked.data);
      }

      it.each([
        ['PUBLIC_READ=true', () => open],
        ['PUBLIC_READ=false', () => closed],
      ])(
        '%s: an anonymous caller of either field is refused, also right after a reader was answered from the cache',
        async (_name, app) => {
          const actor = unique('cached');
          const entityId = '22222222-2222-4222-8222-222222222222';
          await insertEvents(app().dataSource, [{ at: '1904-01-01T00:00:00.000000Z', actor, entityId }]);
          for (const [query, variables] of [
            [FEED, { filter: { actor } }],
            [TRAIL, { id: entityId }],
          ] as const) {
            await cachedForReader(app(), query, variables);
            expectUnauthenticated(await app().gql(query, variables));
            expectUnauthenticated(await app().gql(query, variables));
          }
        },
      );

      it('PUBLIC_READ=true: an anonymous query with public fields and the feed gets the feed refused, every time', async () => {
        const query = `{ regions(kind: STATE) { name } changes(first: 1) { totalCount } }`;
        await cachedForReader(open, query, {});
        for (let time = 0; time < 2; time += 1) {
          const result = await open.gql(query);
          expect(result.data).toBeNull();
          expect(result.errors!.map((error) => [error.extensions.code, error.path])).toEqual([['UNAUTHENTICATED', ['changes']]]);
        }
      });
    });
  });

  describe('SQL statements per request', () => {
    let counted: TestApp;
    beforeAll(async () => {
      counted = await createTestApp(WITHOUT_RESPONSE_CACHE);
    });
    afterAll(async () => {
      await counted.close();
    });

    it.each<[string, (allianceId: string, actor: string) => Filter]>([
      ['unfiltered', () => ({})],
      ['by actor, since and until', (_allianceId, actor) => ({ actor, since: '1900-01-01T00:00:00Z', until: '2100-01-01T00:00:00Z' })],
      ['by alliance and entity type', (allianceId) => ({ allianceId, entityType: 'Alliance' })],
    ])('%s: the same for first 5 and first 100, on every page', async (_name, makeFilter) => {
      const allianceId = await insertAlliance(counted.dataSource);
      const actor = unique('counted');
      await insertEvents(
        counted.dataSource,
        Array.from({ length: 210 }, (_, index) => ({
          at: new Date(Date.UTC(1950, 0, 1) + index * 1000).toISOString().replace('Z', '000Z'),
          actor,
          entityType: 'Alliance',
          entityId: allianceId,
        })),
      );
      const filter = makeFilter(allianceId, actor);
      const page = async (first: number, after?: string) => {
        let result: GqlResponse<FeedPage> | undefined;
        const statements = await counted.countStatements(async () => {
          result = await counted.gql<FeedPage>(FEED, { filter, first, after }, { token: counted.tokens.reader });
        });
        expect(result!.errors).toBeUndefined();
        expect(result!.data!.changes.edges).toHaveLength(first);
        return { statements, endCursor: result!.data!.changes.pageInfo.endCursor! };
      };
      const five = await page(5);
      const hundred = await page(100);
      const secondHundred = await page(100, hundred.endCursor);
      expect(five.statements).toBeGreaterThanOrEqual(1);
      expect(five.statements).toBeLessThanOrEqual(2);
      expect(hundred.statements).toBe(five.statements);
      expect(secondHundred.statements).toBe(five.statements);
    });

    it('answers a page without totalCount the same, and one with it in a fragment with the count', async () => {
      const actor = unique('fragment');
      await insertEvents(counted.dataSource, [
        { at: '1960-01-01T00:00:00.000001Z', actor },
        { at: '1960-01-01T00:00:00.000002Z', actor },
      ]);
      const withoutCount = await counted.gql(
        `query($actor: String) { changes(filter: { actor: $actor }, first: 1) { pageInfo { hasNextPage } edges { node { at } } } }`,
        { actor },
        { token: counted.tokens.reader },
      );
      expect(withoutCount.data!.changes).toEqual({
        pageInfo: { hasNextPage: true },
        edges: [{ node: { at: '1960-01-01T00:00:00.000Z' } }],
      });
      const inFragment = await counted.gql(
        `query($actor: String) { changes(filter: { actor: $actor }, first: 1) { ...Counted } } fragment Counted on AuditEventConnection { n: totalCount }`,
        { actor },
        { token: counted.tokens.reader },
      );
      expect(inFragment.data!.changes).toEqual({ n: 2 });
    });
  });
});
