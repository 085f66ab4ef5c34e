import { GraphQLClient } from '../../src/demo/graphql-client';
import { DemoIds, loadHeilbronnFranken } from '../../src/demo/heilbronn-franken';
import { HEILBRONN_MEETING_RELEASE } from '../support/sample-releases';
import { createTestApp, TestApp } from '../support/test-app';
import { Browser, openBrowser } from './browser';

const READ = `query($id: ID!) { release(id: $id) { title publishedOn body publisher { id }
  links { relation alliance { id } organisation { id name kind } person { id displayName } }
  quotes { text person { id displayName } } } }`;

describe('review page for a press release (/releases/new)', () => {
  let t: TestApp;
  let demo: DemoIds;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    demo = await loadHeilbronnFranken(new GraphQLClient(`${t.url}/graphql`, t.tokens.admin));
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('marks the mentions of a pasted release, takes changes to the proposals, imports it, and the API reads back its links and quotes', async () => {
    const page = await browser.page();
    await page.goto(`${t.url}/releases/new`);
    await page.locator('body[data-state="ready"]').waitFor();
    await page.locator('#token-input').fill(t.tokens.editor);
    await page.locator('#token-form button[type="submit"]').click();

    await page.locator('#release-text').fill(HEILBRONN_MEETING_RELEASE);
    await page.locator('#published-on').fill('2013-10-30');
    await page.locator('#analyse-button').click();
    await page.locator('body[data-state="reviewing"]').waitFor();

    // The text with every mention marked, quotes holding the names in them.
    const marks = (kind: string) => page.locator(`#marked-text mark[data-kind="${kind}"]`).allTextContents();
    await expect(marks('date')).resolves.toEqual(['am Dienstag']);
    await expect(page.locator('#marked-text mark[data-kind="date"]').getAttribute('title')).resolves.toBe('Datum: 29.10.2013');
    await expect(marks('organisation')).resolves.toEqual([
      'Finanz- und Wirtschaftsministerium',
      'IHK Heilbronn-Franken',
      'Hochschule Heilbronn',
      'Wirtschafts-\nregion Heilbronn-Franken GmbH',
      // The publisher, on the source line.
      'Ministerium für Finanzen und Wirtschaft Baden-Württemberg',
    ]);
    // The ministry under the name it bore that day, and today's.
    await expect(page.locator('#marked-text mark[data-kind="organisation"]').first().getAttribute('title')).resolves.toBe(
      'Organisation im Register: Ministerium für Finanzen und Wirtschaft Baden-Württemberg (heute: Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg)',
    );
    await expect(marks('person')).resolves.toEqual(['Ingo Rust', 'Rust', 'Kirsten Hirschmann', 'Prof. Dr. Sabine Ostertag', 'Ostertag']);
    await expect(marks('alliance')).resolves.toEqual(['Allianz für Fachkräfte Baden-Württemberg', 'Fachkräftebündnis Heilbronn-Franken']);
    await expect(page.locator('#marked-text mark[data-kind="quote"]').count()).resolves.toBe(4);
    await expect(page.locator('#marked-text').textContent()).resolves.toBe(HEILBRONN_MEETING_RELEASE);
    await page.screenshot({ path: '/tmp/release-review.png', fullPage: true });

    // Accept the matches, change the new organisation's name, leave the economic development agency out.
    await expect(page.locator('#import-title').inputValue()).resolves.toBe('Erstes Spitzengespräch von Land und Region Heilbronn-Franken');
    const university = page.locator('[data-testid="organisation-row"][data-mode="new"]');
    await expect(university.count()).resolves.toBe(1);
    await university.locator('[name="name"]').fill('Hochschule Heilbronn (HHN)');
    await expect(university.locator('[name="kind"]').inputValue()).resolves.toBe('EDUCATION');
    await page.locator(`[data-testid="organisation-row"][data-id="${demo.organisations.whf}"] [name="include"]`).uncheck();
    const newPerson = page.locator('[data-testid="person-row"][data-mode="new"]');
    await expect(newPerson.count()).resolves.toBe(1);
    await expect(newPerson.locator('[name="givenName"]').inputValue()).resolves.toBe('Sabine');
    await expect(page.locator('[data-testid="quote-row"]').count()).resolves.toBe(4);
    await page.locator('[data-testid="quote-row"]').nth(2).locator('[name="text"]').fill('Die Zahlen des Monitors helfen früh.');

    await page.locator('#import-button').click();
    await page.locator('body[data-state="imported"]').waitFor();
    const id = (await page.locator('#import-result').getAttribute('data-release-id'))!;

    const read = await t.gql(READ, { id });
    expect(read.errors).toBeUndefined();
    const release = read.data!.release;
    expect(release).toMatchObject({
      title: 'Erstes Spitzengespräch von Land und Region Heilbronn-Franken',
      publishedOn: '2013-10-30',
      publisher: { id: demo.organisations.ministry },
    });
    expect(release.body).not.toMatch(/Berechne Lesezeit|Quelle|Weitere Meldungen/);
    const linked = release.links.map((link: Record<string, { id: string; name?: string; displayName?: string } | string | null>) => {
      const record = (link.alliance ?? link.organisation ?? link.person) as { id: string; name?: string; displayName?: string };
      return [link.relation, record.name ?? record.displayName ?? record.id];
    });
    expect(linked).toEqual(
      [
        ['MENTIONS', demo.organisations.ministry],
        ['MENTIONS', 'Industrie- und Handelskammer Heilbronn-Franken'],
        ['MENTIONS', 'Hochschule Heilbronn (HHN)'],
        ['MENTIONS', 'Ingo Rust'],
        ['MENTIONS', 'Kirsten Hirschmann'],
        ['MENTIONS', 'Prof. Dr. Sabine Ostertag'],
        ['MENTIONS', demo.stateAlliance],
        ['MENTIONS', demo.regionalAlliance],
      ].map(([relation, name]) => [
        relation,
        name === demo.organisations.ministry ? 'Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg' : name,
      ]),
    );
    expect(release.quotes).toEqual([
      { text: 'Die Region zeigt, wie Fachkräftesicherung vor Ort gelingt', person: { id: demo.people.rust, displayName: 'Ingo Rust' } },
      { text: 'Diesen Austausch wollen wir jedes Jahr fortsetzen.', person: { id: demo.people.rust, displayName: 'Ingo Rust' } },
      { text: 'Die Zahlen des Monitors helfen früh.', person: { id: demo.people.hirschmann, displayName: 'Kirsten Hirschmann' } },
      {
        text: 'Wir bringen Studierende und Betriebe der Region zusammen',
        person: { id: expect.any(String), displayName: 'Prof. Dr. Sabine Ostertag' },
      },
    ]);
  });

  it('asks a READER for another token instead of analysing', async () => {
    const page = await browser.page();
    await page.goto(`${t.url}/releases/new`);
    await page.locator('body[data-state="ready"]').waitFor();
    await page.locator('#token-input').fill(t.tokens.reader);
    await page.locator('#token-form button[type="submit"]').click();
    await page.locator('#release-text').fill(HEILBRONN_MEETING_RELEASE);
    await page.locator('#analyse-button').click();
    await page.locator('#token-error').filter({ hasText: 'keine Pressemitteilungen' }).waitFor();
    await expect(page.locator('#review').isVisible()).resolves.toBe(false);
  });
});
