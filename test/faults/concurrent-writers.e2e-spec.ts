import { insertOrganisation } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const UPDATE = `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { version website } }`;
const READ = `query($id: ID!) { organisation(id: $id) { version website } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { actor action changes } }`;

const WRITERS = 50;

interface Success {
  writer: string;
  website: string;
  version: number;
}

describe(`${WRITERS} concurrent writers of one organisation`, () => {
  let t: TestApp;
  let id: string;
  const successes: Success[] = [];
  const writers = Array.from({ length: WRITERS }, (_, index) => `writer-${String(index).padStart(2, '0')}`);
  const tokens = new Map<string, string>();

  const update = (writer: string, expectedVersion: number, website: string) =>
    t.gql<{ updateOrganisation: { version: number; website: string } }>(
      UPDATE,
      { input: { id, expectedVersion, website } },
      { token: tokens.get(writer) },
    );

  beforeAll(async () => {
    // A connection per writer, so their transactions really overlap in PostgreSQL rather than queue in the pool.
    // Opening 55 connections at once on a busy CI machine can outlast the default 2 s connect
    // timeout; this test is about versions, not about connection set-up.
    t = await createTestApp({ DB_POOL_SIZE: WRITERS + 5, DB_CONNECT_TIMEOUT_MS: 15_000 });
    id = await insertOrganisation(t.dataSource, {
      name: 'Handwerkskammer Heilbronn-Franken',
      shortName: 'HWK Heilbronn-Franken',
      kind: 'CHAMBER_OF_CRAFTS',
    });
    for (const writer of writers) tokens.set(writer, t.token('EDITOR', { sub: writer }));
  });

  afterAll(() => t.close());

  it('all with the same expectedVersion: exactly one wins, the other 49 get CONFLICT with the current version', async () => {
    const results = await Promise.all(writers.map((writer) => update(writer, 1, `https://${writer}.example/round-1`)));

    const won = results.flatMap((result, index) => (result.errors ? [] : [{ writer: writers[index], ...result.data!.updateOrganisation }]));
    expect(won).toHaveLength(1);
    expect(won[0]).toEqual({ writer: won[0].writer, website: `https://${won[0].writer}.example/round-1`, version: 2 });
    const conflicts = results
      .filter((result) => result.errors)
      .map((result) => ({
        code: result.errors![0].extensions.code,
        currentVersion: result.errors![0].extensions.currentVersion,
        data: result.data,
      }));
    expect(conflicts).toEqual(Array.from({ length: WRITERS - 1 }, () => ({ code: 'CONFLICT', currentVersion: 2, data: null })));
    successes.push(...won);
  });

  it('each retrying with the version it reads until it wins: one winner per version, the record is the last write, the audit trail is every write in order', async () => {
    let conflicts = 0;
    let mostAttempts = 0;
    // An attempt loses only when another writer won between its read and its write, and each of
    // the other writers wins once: WRITERS attempts are always enough.
    const writeUntilWon = async (writer: string) => {
      const website = `https://${writer}.example/round-2`;
      for (let attempt = 1; attempt <= WRITERS; attempt++) {
        const read = await t.gql<{ organisation: { version: number } }>(READ, { id });
        expect(read.errors).toBeUndefined();
        const result = await update(writer, read.data!.organisation.version, website);
        if (!result.errors) {
          successes.push({ writer, website, version: result.data!.updateOrganisation.version });
          mostAttempts = Math.max(mostAttempts, attempt);
          return;
        }
        expect(result.errors[0].extensions.code).toBe('CONFLICT');
        conflicts += 1;
        // As a well-behaved client would: a random pause that grows with each loss, so the losers
        // do not all come back at once.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * attempt));
      }
      throw new Error(`${writer} did not win within ${WRITERS} attempts`);
    };
    await Promise.all(writers.map(writeUntilWon));

    const byVersion = [...successes].sort((a, b) => a.version - b.version);
    expect(byVersion.map((success) => success.version)).toEqual(Array.from({ length: WRITERS + 1 }, (_, index) => index + 2));
    const last = byVersion[byVersion.length - 1];
    await expect(t.gql(READ, { id })).resolves.toMatchObject({
      data: { organisation: { version: 1 + successes.length, website: last.website } },
    });

    const trail = await t.gql<{ auditTrail: { actor: string; action: string; changes: string }[] }>(
      TRAIL,
      { id },
      { token: t.tokens.admin },
    );
    const events = [...trail.data!.auditTrail].reverse().map((event) => ({ ...event, changes: JSON.parse(event.changes) as unknown }));
    expect(events).toEqual(
      byVersion.map((success, index) => ({
        actor: success.writer,
        action: 'updateOrganisation',
        changes: { website: [index === 0 ? null : byVersion[index - 1].website, success.website] },
      })),
    );
    console.log(
      `${WRITERS} writers retrying: ${conflicts} CONFLICTs on the way, at most ${mostAttempts} attempts for one writer, ${successes.length} writes in all`,
    );
  }, 120_000);
});
