import { Page } from 'playwright-core';
import { GraphQLClient } from '../../src/demo/graphql-client';
import { DemoIds, loadHeilbronnFranken } from '../../src/demo/heilbronn-franken';
import { createTestApp, TestApp } from '../support/test-app';
import { Browser, openBrowser } from './browser';

const REGION_CODES = ['0801', '0802', '0803', '0804', '0805', '0806', '0807', '0808', '0809', '0810', '0811', '0812'];
const DEMO_RELEASE = 'Kooperationsvereinbarung zwischen Fachkräftebündnis Heilbronn-Franken und Finanz- und Wirtschaftsministerium';
const TOKEN_KEY = 'allianzregister.token';

/** The page shows its Stichtag as TT.MM.JJJJ; the API takes YYYY-MM-DD. */
const isoOf = (german: string) => german.split('.').reverse().join('-');

const coverageOf = (page: Page, code: string) => page.locator(`[data-region-code="${code}"]`).first().getAttribute('data-coverage');

async function openOverview(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.locator('body[data-state="ready"]').waitFor();
}

describe('overview page (anonymous read, demo data)', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    await loadHeilbronnFranken(new GraphQLClient(`${t.url}/graphql`, t.tokens.admin));
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('colours Heilbronn-Franken as covered and the other eleven regions as without an alliance', async () => {
    const page = await browser.page();
    await openOverview(page, t.url);
    await page.screenshot({ path: '/tmp/overview.png', fullPage: true });

    await expect(page.locator('svg [data-region-code]').count()).resolves.toBe(12);
    await expect(coverageOf(page, '0802')).resolves.toMatch(/^(current|overdue)$/);
    for (const code of REGION_CODES.filter((c) => c !== '0802')) {
      await expect(coverageOf(page, code)).resolves.toBe('none');
    }
    await expect(page.locator('svg [data-region-code="0802"]').getAttribute('aria-label')).resolves.toMatch(/^Heilbronn-Franken: /);
    await expect(page.locator('svg [data-region-code="0809"] title').textContent()).resolves.toContain('Hochrhein-Bodensee');
  });

  it('colours Heilbronn-Franken as overdue, as the API does: the only Spitzengespräch was held in 2013', async () => {
    const page = await browser.page();
    await openOverview(page, t.url);
    const asOf = isoOf(await page.locator('#as-of').inputValue());
    const { data } = await t.gql<{ regions: { id: string }[] }>('{ regions(kind: STATE) { id } }');
    const coverage = await t.gql<{ coverage: { region: { code: string }; topLevelMeetingOverdue: boolean }[] }>(
      'query($stateId: ID!, $asOf: Date) { coverage(stateId: $stateId, asOf: $asOf) { region { code } topLevelMeetingOverdue } }',
      { stateId: data!.regions[0].id, asOf },
    );
    expect(coverage.data!.coverage.find((row) => row.region.code === '0802')!.topLevelMeetingOverdue).toBe(true);
    await expect(coverageOf(page, '0802')).resolves.toBe('overdue');
  });

  it('shows its Stichtag as TT.MM.JJJJ, refuses another form, and every number follows it', async () => {
    const page = await browser.page();
    await openOverview(page, t.url);
    await expect(page.locator('#as-of').inputValue()).resolves.toMatch(/^\d{2}\.\d{2}\.\d{4}$/);

    await page.locator('#as-of').fill('2011-12-31');
    await page.locator('#as-of-form button[type="submit"]').click();
    await page.locator('#as-of-error').filter({ hasText: 'TT.MM.JJJJ' }).waitFor();

    const stats = async (asOf: string) =>
      (
        await t.gql<{ stats: Record<string, number> }>(
          'query($asOf: Date) { stats(asOf: $asOf) { alliances regionalAlliances organisations agreementsSigned meetingsHeld releases } }',
          { asOf },
        )
      ).data!.stats;
    for (const [german, iso] of [
      ['31.12.2011', '2011-12-31'],
      ['1.1.2016', '2016-01-01'],
    ]) {
      await page.locator('#as-of').fill(german);
      await page.locator('#as-of-form button[type="submit"]').click();
      await page.locator('body[data-state="ready"]').waitFor();
      await expect(page.locator('#as-of').inputValue()).resolves.toBe(iso.split('-').reverse().join('.'));
      expect(new URL(page.url()).searchParams.get('stichtag')).toBe(iso);
      const expected = await stats(iso);
      for (const [name, value] of Object.entries(expected)) {
        await expect(page.locator(`[data-stat="${name}"]`).first().textContent()).resolves.toBe(
          new Intl.NumberFormat('de-DE').format(value),
        );
      }
    }
    // As of the end of 2011 the state alliance existed, and nothing had been signed, held or published.
    await expect(stats('2011-12-31')).resolves.toMatchObject({ alliances: 1, regionalAlliances: 0, agreementsSigned: 0, releases: 0 });
    await page.locator('#as-of').fill('31.12.2011');
    await page.locator('#as-of-form button[type="submit"]').click();
    await page.locator('body[data-state="ready"]').waitFor();
    await expect(page.locator('#releases-empty').isVisible()).resolves.toBe(true);
  });

  it('lists in the overdue table exactly the commitments the API lists as overdue', async () => {
    const page = await browser.page();
    await openOverview(page, t.url);
    const asOf = isoOf(await page.locator('#as-of').inputValue());
    const api = await t.gql<{ overdueCommitments: { commitment: { agreement: { title: string } } }[] }>(
      'query($asOf: Date) { overdueCommitments(asOf: $asOf) { commitment { agreement { title } } } }',
      { asOf },
    );
    const expected = api.data!.overdueCommitments.map((row) => row.commitment.agreement.title);
    expect(expected.length).toBeGreaterThan(0);

    const rows = page.locator('[data-testid="overdue-table"] tbody tr');
    await expect(rows.count()).resolves.toBe(expected.length);
    await expect(rows.locator('[data-field="agreement"]').allTextContents()).resolves.toEqual(expected);
    await expect(rows.first().locator('[data-field="parties"]').textContent()).resolves.toContain('Fachkräftebündnis Heilbronn-Franken');
    await expect(rows.first().locator('[data-field="nextDueOn"]').textContent()).resolves.toBe('29.10.2014');
  });

  it('shows the demo release among the latest releases, with the ministry under the name it bore that day', async () => {
    const page = await browser.page();
    await openOverview(page, t.url);
    const release = page.locator('[data-testid="latest-releases"] li').filter({ hasText: DEMO_RELEASE });
    await expect(release.count()).resolves.toBe(1);
    await expect(release.locator('time').textContent()).resolves.toBe('24.09.2012');
    await expect(release.textContent()).resolves.toContain('Ministerium für Finanzen und Wirtschaft Baden-Württemberg');
  });

  it('shows the counts of stats as the API answers them', async () => {
    const page = await browser.page();
    await openOverview(page, t.url);
    const { data } = await t.gql<{ stats: Record<string, number> }>(
      '{ stats { alliances regionalAlliances organisations agreementsSigned meetingsHeld releases } }',
    );
    for (const [name, count] of Object.entries(data!.stats)) {
      await expect(page.locator(`[data-stat="${name}"]`).textContent()).resolves.toBe(String(count));
    }
  });

  it('serves GraphiQL at /graphql to a browser without a single request leaving the service, and runs a query in it', async () => {
    const page = await browser.page();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('websocket', (socket) => requested.push(socket.url()));
    const introspection = page.waitForResponse(
      (r) => r.url() === `${t.url}/graphql` && (r.request().postData() ?? '').includes('__schema'),
    );

    await page.goto(`${t.url}/graphql`);
    await page.locator('.graphiql-container .graphiql-query-editor .CodeMirror').waitFor();
    await expect(introspection.then((r) => r.status())).resolves.toBe(200);

    await page.evaluate(
      `document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ regions(kind: STATE) { name code } }')`,
    );
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').filter({ hasText: 'Baden-Württemberg' }).waitFor();

    const outside = requested.filter((url) => !url.startsWith(`${t.url}/`) && !/^(data|blob):/.test(url));
    expect(outside).toEqual([]);
    expect(requested).toContain(`${t.url}/assets/graphiql.min.js`);
  });

  it('takes a token in the explorer while anyone may read, writes with it, and forgets it on Abmelden; its help text fits the editor', async () => {
    const page = await browser.page();
    // GraphiQL keeps the last query in localStorage, and an open GraphiQL tab of an earlier test may
    // still save its own: close the others, then start from the help text, as a first visit does.
    // It saves its query again as it unloads, so the storage is cleared on a page without it.
    for (const other of browser.context.pages()) if (other !== page) await other.close();
    await page.goto(`${t.url}/health/live`);
    await page.evaluate('localStorage.clear()');
    await page.goto(`${t.url}/graphql`);
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.waitFor();
    await expect(editor.textContent()).resolves.toContain('Zugangstoken eingeben');
    for (const width of [1440, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      // CodeMirror measures its lines again a frame after a resize: compare once it has.
      await page.waitForFunction(
        `(() => { const s = document.querySelector('.graphiql-query-editor .CodeMirror-sizer'); return s && Math.abs(s.getBoundingClientRect().width - document.querySelector('.graphiql-query-editor .CodeMirror-scroll').clientWidth) < 40; })()`,
      );
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      const overflow = await page.evaluate(
        `(() => { const s = document.querySelector('.graphiql-query-editor .CodeMirror-scroll'); return s.scrollWidth - s.clientWidth; })()`,
      );
      expect({ width, overflow }).toEqual({ width, overflow: 0 });
    }

    const run = async (query: string, expected: string) => {
      await page.evaluate(`document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(${JSON.stringify(query)})`);
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.graphiql-response').filter({ hasText: expected }).waitFor();
    };
    const create = 'mutation { createPerson(input: { givenName: "Erika", familyName: "Explorer" }) { displayName } }';
    await run(create, 'UNAUTHENTICATED');

    await page.locator('#token-input').fill(`Bearer ${t.tokens.editor}`);
    await page.locator('#token-form button[type="submit"]').click();
    await page.locator('[data-testid="explorer-token-state"]').filter({ hasText: 'Token gesetzt' }).waitFor();
    await expect(page.evaluate(`sessionStorage.getItem('${TOKEN_KEY}')`)).resolves.toBe(t.tokens.editor);
    await run(create, 'Erika Explorer');
    const people = await t.gql('{ people(filter: { search: "Explorer" }) { totalCount } }');
    expect(people.data!.people.totalCount).toBe(1);

    await page.locator('#token-forget').click();
    await page.locator('[data-testid="explorer-token-state"]').filter({ hasText: 'Ohne Token' }).waitFor();
    await expect(page.evaluate(`sessionStorage.getItem('${TOKEN_KEY}')`)).resolves.toBeNull();
    await run('mutation { createPerson(input: { givenName: "Nora", familyName: "Niemand" }) { displayName } }', 'UNAUTHENTICATED');
  });

  it('keeps GET /graphql the API for clients that do not ask for HTML, and serves only the listed assets', async () => {
    const asJson = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ regions(kind: STATE) { code } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    await expect(asJson.json()).resolves.toEqual({ data: { regions: [{ code: '08' }] } });

    const asHtml = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(asHtml.headers.get('content-type')).toMatch(/^text\/html/);
    await expect(asHtml.text()).resolves.toContain('/assets/graphiql.js');

    await expect(fetch(`${t.url}/assets/package.json`).then((r) => r.status)).resolves.toBe(404);
    await expect(fetch(`${t.url}/assets/..%2Fpackage.json`).then((r) => r.status)).resolves.toBe(404);
  });
});

describe('overview page with PUBLIC_READ=false', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_READ: false });
    await loadHeilbronnFranken(new GraphQLClient(`${t.url}/graphql`, t.tokens.admin));
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('asks for a token, refuses a bad one, and shows the map with a valid one; the explorer sends it too', async () => {
    const page = await browser.page();
    await page.goto(`${t.url}/`);
    const form = page.locator('[data-testid="token-form"]');
    await form.waitFor();
    await expect(page.locator('#dashboard').isVisible()).resolves.toBe(false);

    await page.locator('#token-input').fill('not-a-token');
    await page.locator('#token-form button[type="submit"]').click();
    await page.locator('#token-error').filter({ hasText: 'nicht angenommen' }).waitFor();
    await expect(form.isVisible()).resolves.toBe(true);

    await page.locator('#token-input').fill(t.tokens.reader);
    await page.locator('#token-form button[type="submit"]').click();
    await page.locator('body[data-state="ready"]').waitFor();
    await expect(form.isVisible()).resolves.toBe(false);
    await expect(coverageOf(page, '0802')).resolves.toMatch(/^(current|overdue)$/);
    await expect(coverageOf(page, '0801')).resolves.toBe('none');
    await expect(page.evaluate(`sessionStorage.getItem('${TOKEN_KEY}')`)).resolves.toBe(t.tokens.reader);

    await page.goto(`${t.url}/graphql`);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    await page.evaluate(
      `document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ regions(kind: STATE) { name } }')`,
    );
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').filter({ hasText: 'Baden-Württemberg' }).waitFor();
  });
});

const TOKEN_STATE = '[data-testid="token-state"]';
const PROPOSALS = '[data-testid="open-proposals"]';
const CHANGES = '[data-testid="latest-changes"]';

/** Enters a token through the page's own token bar and waits until the page has loaded with it. */
async function enterToken(page: Page, token: string): Promise<void> {
  await page.locator('#token-input').fill(token);
  // The submit handler marks the page as loading before it returns, so "ready" below is the new load's.
  await page.locator('#token-form button[type="submit"]').click();
  await page.locator('body[data-state="ready"]').waitFor();
}

/** The names of the GraphQL operations the page sends, and a promise of every answer's errors. */
function watchOperations(page: Page): { names: string[]; errors: () => Promise<unknown[]> } {
  const names: string[] = [];
  const answers: Promise<unknown>[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const { query } = JSON.parse(request.postData() ?? '{}') as { query?: string };
    names.push(/^\s*query\s+(\w+)/.exec(query ?? '')?.[1] ?? '(anonymous)');
  });
  page.on('response', (response) => {
    if (response.url().endsWith('/graphql') && response.request().method() === 'POST')
      answers.push(response.json().then((body: { errors?: unknown[] }) => body.errors ?? null));
  });
  return { names, errors: async () => (await Promise.all(answers)).filter((errors) => errors !== null) };
}

/** A column of a section's table, row by row, as text or as one attribute of its cells. */
async function column(page: Page, section: string, field: string, attribute?: string): Promise<(string | null)[]> {
  const cells = page.locator(`${section} tbody tr [data-field="${field}"]`);
  if (!attribute) return cells.allTextContents();
  return Promise.all(Array.from({ length: await cells.count() }, (_, i) => cells.nth(i).locator(`[${attribute}]`).getAttribute(attribute)));
}

async function rowIds(page: Page, section: string, attribute: string): Promise<(string | null)[]> {
  const rows = page.locator(`${section} tbody tr`);
  return Promise.all(Array.from({ length: await rows.count() }, (_, i) => rows.nth(i).getAttribute(attribute)));
}

describe('overview page: open change proposals and the latest changes, with a token entered on the page', () => {
  const OPEN = `query { proposals(filter: { status: OPEN }, first: 20) {
    totalCount edges { node { id entityType entityId note proposedBy proposedAt } } } }`;
  const FEED = 'query { changes(first: 20) { edges { node { id at actor action entityType } } } }';
  const COORDINATOR = 'koordination-hn';

  type Proposal = { id: string; entityType: string; entityId: string; note: string | null; proposedBy: string; proposedAt: string };
  type Event = { id: string; at: string; actor: string; action: string; entityType: string };

  let t: TestApp;
  let browser: Browser;
  let demo: DemoIds;
  let coordinator: string;
  let rejected: string;

  beforeAll(async () => {
    t = await createTestApp();
    demo = await loadHeilbronnFranken(new GraphQLClient(`${t.url}/graphql`, t.tokens.admin));
    coordinator = t.token('COORDINATOR', { sub: COORDINATOR, allianceIds: [demo.regionalAlliance] });
    const { data } = await t.gql<{ regions: { id: string; code: string }[] }>('{ regions(kind: REGION) { id code } }');
    const heilbronnFranken = data!.regions.find((r) => r.code === '0802')!.id;

    const propose = async (kind: 'Organisation' | 'Person', input: Record<string, unknown>, token: string) => {
      const result = await t.gql<Record<string, { id: string; version: number }>>(
        `mutation($input: Propose${kind}ChangeInput!) { propose${kind}Change(input: $input) { id version } }`,
        { input: { expectedVersion: 1, ...input } },
        { token },
      );
      expect(result.errors).toBeUndefined();
      return result.data![`propose${kind}Change`];
    };
    const discarded = await propose(
      'Organisation',
      { organisationId: demo.organisations.dgb, website: 'https://example.org/' },
      t.tokens.editor,
    );
    const reject = await t.gql(
      'mutation($id: ID!, $v: Int!) { rejectProposal(id: $id, expectedVersion: $v, reason: "Doppelt") { status } }',
      { id: discarded.id, v: discarded.version },
      { token: t.tokens.admin },
    );
    expect(reject.errors).toBeUndefined();
    rejected = discarded.id;
    await propose(
      'Organisation',
      { organisationId: demo.organisations.aaHeilbronn, shortName: 'AA HN', regionId: heilbronnFranken, note: 'Laut Impressum' },
      t.tokens.editor,
    );
    await propose('Person', { personId: demo.people.blaettner, honorificPrefix: 'Dr.', note: 'Promotion 2019' }, coordinator);
    await propose(
      'Organisation',
      {
        organisationId: demo.organisations.employers,
        name: 'Arbeitgeberverband Heilbronn-Franken und Hohenlohe e. V.',
        validFrom: '2030-01-01',
      },
      t.tokens.editor,
    );
    const person = await t.gql(
      'mutation { createPerson(input: { givenName: "Erika", familyName: "Mustermann" }) { id } }',
      {},
      {
        token: t.tokens.editor,
      },
    );
    expect(person.errors).toBeUndefined();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The open proposals the API lists for a token, with the name of the record each one changes. */
  async function openProposals(token: string) {
    const { data } = await t.gql<{ proposals: { totalCount: number; edges: { node: Proposal }[] } }>(OPEN, {}, { token });
    const proposals = data!.proposals.edges.map((e) => e.node);
    const names = await Promise.all(
      proposals.map(async (p) => {
        const field = p.entityType === 'Person' ? 'person(id: $id) { name: displayName }' : 'organisation(id: $id) { name }';
        const record = await t.gql<Record<string, { name: string }>>(`query($id: ID!) { record: ${field} }`, { id: p.entityId });
        return record.data!.record.name;
      }),
    );
    return { totalCount: data!.proposals.totalCount, proposals, names };
  }

  it('lists with an EDITOR token every open proposal and the latest changes exactly as the API does', async () => {
    const page = await browser.page();
    const operations = watchOperations(page);
    await openOverview(page, t.url);
    await expect(page.locator(PROPOSALS).isVisible()).resolves.toBe(false);
    await expect(page.locator(CHANGES).isVisible()).resolves.toBe(false);

    await enterToken(page, t.tokens.editor);
    await page.locator(TOKEN_STATE).filter({ hasText: 'Token gesetzt: editor (Redaktion)' }).waitFor();
    await expect(page.evaluate(`sessionStorage.getItem('${TOKEN_KEY}')`)).resolves.toBe(t.tokens.editor);
    await expect(page.locator(`${PROPOSALS} h2`).textContent()).resolves.toBe('Offene Änderungsvorschläge');
    await expect(page.locator(`${CHANGES} h2`).textContent()).resolves.toBe('Letzte Änderungen');

    const { totalCount, proposals, names } = await openProposals(t.tokens.editor);
    expect(totalCount).toBe(3);
    await expect(page.locator('#proposals-total').textContent()).resolves.toBe(`${totalCount} offen`);
    await expect(rowIds(page, PROPOSALS, 'data-proposal-id')).resolves.toEqual(proposals.map((p) => p.id));
    expect(proposals.map((p) => p.id)).not.toContain(rejected);
    await expect(column(page, PROPOSALS, 'record')).resolves.toEqual(
      proposals.map((p, i) => `${p.entityType === 'Person' ? 'Person' : 'Organisation'} ${names[i]}`),
    );
    await expect(column(page, PROPOSALS, 'proposedBy')).resolves.toEqual(proposals.map((p) => p.proposedBy));
    await expect(column(page, PROPOSALS, 'note')).resolves.toEqual(proposals.map((p) => p.note ?? '—'));
    await expect(column(page, PROPOSALS, 'proposedAt', 'datetime')).resolves.toEqual(proposals.map((p) => p.proposedAt));
    const changes = await column(page, PROPOSALS, 'changes');
    expect(changes[proposals.findIndex((p) => p.note === 'Laut Impressum')]).toBe(
      'Kurzname: — → „AA HN“Region: Heilbronn (Stadtkreis) → Heilbronn-Franken',
    );
    expect(changes[proposals.findIndex((p) => p.note === 'Promotion 2019')]).toBe('Anrede/Titel: — → „Dr.“');
    expect(changes[proposals.findIndex((p) => p.note === null)]).toBe(
      'Name: „Arbeitgeberverband Heilbronn-Franken e. V.“ → „Arbeitgeberverband Heilbronn-Franken und Hohenlohe e. V.“ ab 01.01.2030',
    );

    const feed = (await t.gql<{ changes: { edges: { node: Event }[] } }>(FEED, {}, { token: t.tokens.editor })).data!.changes.edges.map(
      (e) => e.node,
    );
    expect(feed).toHaveLength(20);
    await expect(rowIds(page, CHANGES, 'data-event-id')).resolves.toEqual(feed.map((e) => e.id));
    await expect(column(page, CHANGES, 'at', 'datetime')).resolves.toEqual(feed.map((e) => e.at));
    await expect(column(page, CHANGES, 'actor')).resolves.toEqual(feed.map((e) => e.actor));
    expect(feed[0]).toMatchObject({ actor: 'editor', action: 'createPerson', entityType: 'Person' });
    const newest = page.locator(`${CHANGES} tbody tr`).first();
    await expect(newest.locator('[data-field="action"]').textContent()).resolves.toBe('angelegt');
    await expect(newest.locator('[data-field="entityType"]').textContent()).resolves.toBe('Person');
    await expect(newest.locator('[data-field="changes"]').textContent()).resolves.toBe('Vorname: „Erika“Nachname: „Mustermann“');

    await expect(operations.errors()).resolves.toEqual([]);
  });

  it('shows a coordinator only its own open proposals, and says so when it has none', async () => {
    const page = await browser.page();
    await openOverview(page, t.url);
    await enterToken(page, coordinator);
    const { proposals } = await openProposals(coordinator);
    expect(proposals.map((p) => p.proposedBy)).toEqual([COORDINATOR]);
    await expect(page.locator('#proposals-total').textContent()).resolves.toBe('1 eigene offen');
    await expect(rowIds(page, PROPOSALS, 'data-proposal-id')).resolves.toEqual(proposals.map((p) => p.id));

    await enterToken(page, t.token('COORDINATOR', { sub: 'koordination-ohne-vorschlag', allianceIds: [demo.regionalAlliance] }));
    await page.locator('#proposals-empty').filter({ hasText: 'Sie haben keine offenen Änderungsvorschläge.' }).waitFor();
    await expect(page.locator(`${PROPOSALS} table`).isVisible()).resolves.toBe(false);
    await expect(page.locator('#proposals-total').textContent()).resolves.toBe('0 eigene offen');
  });

  it('shows a READER only the latest changes and never asks it for proposals', async () => {
    const page = await browser.page();
    const operations = watchOperations(page);
    await openOverview(page, t.url);
    await enterToken(page, t.tokens.reader);
    await expect(page.locator(CHANGES).isVisible()).resolves.toBe(true);
    await expect(page.locator(PROPOSALS).isVisible()).resolves.toBe(false);
    await expect(page.locator(`${CHANGES} tbody tr`).count()).resolves.toBe(20);
    expect(operations.names).toContain('OverviewChanges');
    expect(operations.names).not.toContain('OverviewOpenProposals');
    await expect(operations.errors()).resolves.toEqual([]);
  });

  it('shows neither section to anonymous callers and asks the API for neither; forgetting the token hides them again', async () => {
    const page = await browser.page();
    const operations = watchOperations(page);
    await openOverview(page, t.url);
    await page.locator(TOKEN_STATE).filter({ hasText: 'Ohne Token' }).waitFor();
    await expect(page.locator('#token-forget').isVisible()).resolves.toBe(false);
    await expect(page.locator(PROPOSALS).isVisible()).resolves.toBe(false);
    await expect(page.locator(CHANGES).isVisible()).resolves.toBe(false);
    expect(operations.names.filter((name) => name === 'OverviewChanges' || name === 'OverviewOpenProposals')).toEqual([]);

    await enterToken(page, t.tokens.editor);
    await expect(page.locator(PROPOSALS).isVisible()).resolves.toBe(true);
    await expect(page.locator(CHANGES).isVisible()).resolves.toBe(true);

    await page.locator('#token-forget').click();
    await page.locator('body[data-state="ready"]').waitFor();
    await page.locator(TOKEN_STATE).filter({ hasText: 'Ohne Token' }).waitFor();
    await expect(page.evaluate(`sessionStorage.getItem('${TOKEN_KEY}')`)).resolves.toBeNull();
    await expect(page.locator(PROPOSALS).isVisible()).resolves.toBe(false);
    await expect(page.locator(CHANGES).isVisible()).resolves.toBe(false);
    await expect(page.locator(`${PROPOSALS} tbody tr`).count()).resolves.toBe(0);
    await expect(page.locator('#dashboard').isVisible()).resolves.toBe(true);
    await expect(operations.errors()).resolves.toEqual([]);
  });

  it('drops a token the API refuses and goes on showing what anyone may read', async () => {
    const page = await browser.page();
    await openOverview(page, t.url);
    await enterToken(page, 'not-a-token');
    await page.locator('#token-error').filter({ hasText: 'nicht angenommen' }).waitFor();
    await expect(page.evaluate(`sessionStorage.getItem('${TOKEN_KEY}')`)).resolves.toBeNull();
    await expect(page.locator('#dashboard').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-testid="token-form"]').isVisible()).resolves.toBe(false);
    await expect(page.locator(CHANGES).isVisible()).resolves.toBe(false);
  });

  it('fits a phone: nothing wider than 390 px, the tables become one block per row', async () => {
    const page = await browser.page();
    await page.setViewportSize({ width: 390, height: 844 });
    await openOverview(page, t.url);
    await enterToken(page, t.tokens.editor);
    await expect(page.locator(`${PROPOSALS} tbody tr`).count()).resolves.toBe(3);
    const overflow = await page.evaluate(`(() => {
      const wider = (e) => e.scrollWidth - e.clientWidth;
      return [document.documentElement, ...document.querySelectorAll('${PROPOSALS}, ${CHANGES}, ${PROPOSALS} .table-wrap, ${CHANGES} .table-wrap')].map(wider);
    })()`);
    expect(overflow).toEqual([0, 0, 0, 0, 0]);
    const label = await page.evaluate(
      `getComputedStyle(document.querySelector('${PROPOSALS} tbody td[data-field="proposedBy"]'), '::before').content`,
    );
    expect(label).toBe('"Vorgeschlagen von"');
  });
});
