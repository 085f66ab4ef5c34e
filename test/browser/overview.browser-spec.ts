import { Page } from 'playwright-core';
import { GraphQLClient } from '../../src/demo/graphql-client';
import { loadHeilbronnFranken } from '../../src/demo/heilbronn-franken';
import { createTestApp, TestApp } from '../support/test-app';
import { Browser, openBrowser } from './browser';

const REGION_CODES = ['0801', '0802', '0803', '0804', '0805', '0806', '0807', '0808', '0809', '0810', '0811', '0812'];
const DEMO_RELEASE = 'Kooperationsvereinbarung zwischen Fachkräftebündnis Heilbronn-Franken und Finanz- und Wirtschaftsministerium';
const TOKEN_KEY = 'allianzregister.token';

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
    const asOf = await page.locator('#as-of').inputValue();
    const { data } = await t.gql<{ regions: { id: string }[] }>('{ regions(kind: STATE) { id } }');
    const coverage = await t.gql<{ coverage: { region: { code: string }; topLevelMeetingOverdue: boolean }[] }>(
      'query($stateId: ID!, $asOf: Date) { coverage(stateId: $stateId, asOf: $asOf) { region { code } topLevelMeetingOverdue } }',
      { stateId: data!.regions[0].id, asOf },
    );
    expect(coverage.data!.coverage.find((row) => row.region.code === '0802')!.topLevelMeetingOverdue).toBe(true);
    await expect(coverageOf(page, '0802')).resolves.toBe('overdue');
  });

  it('lists in the overdue table exactly the commitments the API lists as overdue', async () => {
    const page = await browser.page();
    await openOverview(page, t.url);
    const asOf = await page.locator('#as-of').inputValue();
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
