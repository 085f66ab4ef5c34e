import Ajv, { AnySchema, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { get, IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { today } from '../src/common/dates';
import { EXPORT_SLOTS } from '../src/modules/export/export.controller';
import {
  insertAlliance,
  insertMembership,
  insertOrganisation,
  insertPerson,
  insertRelease,
  insertRename,
  insertRole,
  regionId,
} from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/** A download as its bytes: fetch's text() would drop the byte order mark the CSV files must start with. */
interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
  json: () => any;
}

async function download(t: TestApp, path: string, token?: string): Promise<Download> {
  const response = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  return { status: response.status, headers: response.headers, bytes, text, json: () => JSON.parse(text) };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * RFC 4180, strictly: CRLF after every record (the last too), a quote only around a whole field,
 * quotes inside doubled, line breaks only inside quotes. Throws on anything else, so that a
 * malformed file fails the test instead of being read leniently.
 */
function parseCsv(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else {
        quoted = false;
        if (![separator, '\r'].includes(text[i + 1])) throw new Error(`text after a closing quote at ${i}`);
      }
      continue;
    }
    if (c === '"') {
      if (!atFieldStart) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      atFieldStart = false;
    } else if (c === separator) {
      record.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`a line break outside quotes at ${i}`);
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (quoted || field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

/** A CSV download as objects keyed by the header record; checks the BOM and that every record has the header's length. */
function table(file: Download, separator = ','): Record<string, string>[] {
  expect(file.bytes.subarray(0, 3)).toEqual(BOM);
  const [header, ...records] = parseCsv(file.bytes.subarray(3).toString('utf8'), separator);
  expect(records.filter((record) => record.length !== header.length)).toEqual([]);
  return records.map((record) => Object.fromEntries(header.map((column, i) => [column, record[i]])));
}

const byId = (rows: any[], id: string): any => rows.find((row) => row.id === id);

/**
 * The vendored Popolo schemas (test/data/popolo, JSON Schema draft 03) as draft-07 for Ajv: the
 * root `id` becomes `$id`, and a property's `"required": true` joins its object's `required` list.
 */
function draft7(schema: Record<string, any>, root = true): Record<string, any> {
  const { $schema: _draft, id, required: _flag, properties, items, ...rest } = schema;
  const converted: Record<string, any> = { ...rest };
  if (root) converted.$id = id;
  if (items) converted.items = draft7(items, false);
  if (properties) {
    converted.properties = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, draft7(property as any, false)]));
    const required = Object.entries(properties)
      .filter(([, property]) => (property as any).required === true)
      .map(([name]) => name);
    if (required.length > 0) converted.required = required;
  }
  return converted;
}

function popoloValidators(): Record<'organization' | 'person' | 'membership' | 'area', ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const folder = join(__dirname, 'data', 'popolo');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    ajv.addSchema(draft7(JSON.parse(readFileSync(join(folder, file), 'utf8'))) as AnySchema);
  }
  const validator = (name: string) => ajv.getSchema(`http://www.popoloproject.com/schemas/${name}.json`)!;
  return {
    organization: validator('organization'),
    person: validator('person'),
    membership: validator('membership'),
    area: validator('area'),
  };
}

describe('open data export', () => {
  let t: TestApp;
  let closed: TestApp;
  const ids: Record<string, string> = {};
  const QUOTED_NAME = 'Industrie- und Handelskammer "Heilbronn-Franken"; Büro Öhringen';
  const TITLE = 'Vorsitzender\r\nder Geschäftsführung';

  beforeAll(async () => {
    [t, closed] = await Promise.all([createTestApp(), createTestApp({ PUBLIC_READ: false })]);
    const ds = t.dataSource;
    ids.alliance = await insertAlliance(ds, { name: 'Fachkräfteallianz Heilbronn-Franken', foundedOn: '2011-12-01' });
    ids.later = await insertAlliance(ds, { name: 'Fachkräfteallianz Südwürttemberg', level: 'LOCAL', foundedOn: '2021-01-01' });
    ids.archivedAlliance = await insertAlliance(ds, { name: 'Archivierte Allianz', archivedAt: new Date() });

    ids.ihk = await insertOrganisation(ds, { name: 'Handelskammer Heilbronn', shortName: 'IHK, Heilbronn', regionCode: '0802' });
    await insertRename(ds, ids.ihk, QUOTED_NAME, '2020-07-01');
    await ds.query(`UPDATE organisation SET website = 'https://www.heilbronn.ihk.de/' WHERE id = $1`, [ids.ihk]);
    ids.agency = await insertOrganisation(ds, { name: 'Agentur für Arbeit Schwäbisch Hall-Tauberbischofsheim', kind: 'EMPLOYMENT_AGENCY' });
    ids.formula = await insertOrganisation(ds, { name: '=SUMME(A1:A9)', kind: 'OTHER' });
    ids.archivedOrganisation = await insertOrganisation(ds, { name: 'Archivierter Verein', archivedAt: new Date() });

    ids.lead = await insertMembership(ds, { allianceId: ids.alliance, organisationId: ids.ihk, role: 'LEAD', joinedOn: '2011-12-01' });
    ids.ended = await insertMembership(ds, {
      allianceId: ids.alliance,
      organisationId: ids.agency,
      joinedOn: '2012-01-01',
      leftOn: '2020-01-01',
    });
    ids.empty = await insertMembership(ds, {
      allianceId: ids.alliance,
      organisationId: ids.formula,
      joinedOn: '2015-03-01',
      leftOn: '2015-03-01',
    });
    ids.archivedMembership = await insertMembership(ds, { allianceId: ids.alliance, organisationId: ids.formula, archivedAt: new Date() });
    ids.ofArchived = await insertMembership(ds, { allianceId: ids.alliance, organisationId: ids.archivedOrganisation });
    ids.inLater = await insertMembership(ds, { allianceId: ids.later, organisationId: ids.agency, joinedOn: '2021-01-01' });
    ids.inArchived = await insertMembership(ds, { allianceId: ids.archivedAlliance, organisationId: ids.agency });

    ids.person = await insertPerson(ds, { honorificPrefix: 'Dr.', givenName: 'Jürgen', familyName: 'Großmann-Weiß' });
    ids.archivedPerson = await insertPerson(ds, { givenName: 'Archiv', familyName: 'Person' });
    await ds.query('UPDATE person SET archived_at = now() WHERE id = $1', [ids.archivedPerson]);
    ids.role = await insertRole(ds, { personId: ids.person, organisationId: ids.ihk, title: TITLE, validFrom: '2015-01-01' });
    ids.roleOfArchived = await insertRole(ds, { personId: ids.archivedPerson, organisationId: ids.ihk });

    const release = (title: string, publishedOn: string, url: string | null, entityType: string, entityId: string) =>
      insertRelease(ds, { title, publishedOn, url, links: [{ entityType, entityId }] });
    await release(
      'Kooperationsvereinbarung "Fachkräfte" unterzeichnet',
      '2012-09-24',
      'https://wm.baden-wuerttemberg.de/pm/1',
      'ALLIANCE',
      ids.alliance,
    );
    await release('Zweites Spitzengespräch', '2021-05-01', 'https://wm.baden-wuerttemberg.de/pm/2', 'ALLIANCE', ids.alliance);
    await release('Ohne Adresse', '2013-01-01', null, 'ALLIANCE', ids.alliance);
    const archived = await release('Archiviert', '2013-01-01', 'https://wm.baden-wuerttemberg.de/pm/3', 'ALLIANCE', ids.alliance);
    await ds.query('UPDATE release SET archived_at = now() WHERE id = $1', [archived]);
    const quoting = await insertRelease(ds, {
      title: 'IHK begrüßt Allianz',
      publishedOn: '2016-02-02',
      url: 'https://www.heilbronn.ihk.de/pm',
    });
    await ds.query(`INSERT INTO release_quote (release_id, person_id, text, position) VALUES ($1, $2, 'Ein Zitat', 0)`, [
      quoting,
      ids.person,
    ]);
  });
  afterAll(async () => {
    await Promise.all([t.close(), closed.close()]);
  });

  describe('organisations.csv', () => {
    it('lists the alliances that exist on asOf and the organisations that are not archived, each under its name of that day', async () => {
      const before = table(await download(t, '/export/organisations.csv?asOf=2020-06-30'));
      const after = table(await download(t, '/export/organisations.csv?asOf=2020-07-01'));
      expect(byId(before, ids.ihk)).toMatchObject({
        name: 'Handelskammer Heilbronn',
        classification: 'chamber_of_commerce',
        short_name: 'IHK, Heilbronn',
      });
      expect(byId(after, ids.ihk)).toMatchObject({
        name: QUOTED_NAME,
        region: 'Heilbronn-Franken',
        region_id: await regionId(t.dataSource, '0802'),
        website: 'https://www.heilbronn.ihk.de/',
      });
      expect(byId(after, ids.alliance)).toEqual({
        id: ids.alliance,
        classification: 'alliance',
        name: 'Fachkräfteallianz Heilbronn-Franken',
        short_name: '',
        level: 'regional',
        status: 'active',
        founding_date: '2011-12-01',
        region_id: await regionId(t.dataSource, '0802'),
        region: 'Heilbronn-Franken',
        website: '',
      });
      expect(after.map((row) => row.id)).not.toEqual(expect.arrayContaining([ids.later]));
      expect(after.map((row) => row.id)).not.toEqual(expect.arrayContaining([ids.archivedAlliance]));
      expect(after.map((row) => row.id)).not.toEqual(expect.arrayContaining([ids.archivedOrganisation]));
      expect(byId(table(await download(t, '/export/organisations.csv?asOf=2021-01-01')), ids.later)).toMatchObject({ level: 'local' });
    });

    it('is RFC 4180 in UTF-8 with a BOM: quotes doubled, separators and line breaks quoted, umlauts intact', async () => {
      const file = await download(t, '/export/organisations.csv?asOf=2020-07-01');
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(file.headers.get('content-disposition')).toBe('attachment; filename="allianzregister-organisations-2020-07-01.csv"');
      expect(file.text).toContain('"Industrie- und Handelskammer ""Heilbronn-Franken""; Büro Öhringen"');
      expect(file.text).toContain(',"IHK, Heilbronn",');
      expect(
        file.text
          .split('\n')
          .slice(0, -1)
          .every((line) => line.endsWith('\r')),
      ).toBe(true);
      expect(file.text.startsWith('\uFEFFid,classification,name,short_name,level,status,founding_date,region_id,region,website\r\n')).toBe(
        true,
      );
    });

    it('separates with semicolons for German spreadsheets on ?sep=semicolon, quoting what holds one', async () => {
      const file = await download(t, '/export/organisations.csv?asOf=2020-07-01&sep=semicolon');
      expect(file.text.startsWith('\uFEFFid;classification;name;short_name;')).toBe(true);
      expect(file.text).toContain(';"Industrie- und Handelskammer ""Heilbronn-Franken""; Büro Öhringen";IHK, Heilbronn;');
      expect(byId(table(file, ';'), ids.ihk)).toMatchObject({ name: QUOTED_NAME, short_name: 'IHK, Heilbronn' });
    });

    it('writes text a spreadsheet would run as a formula with a leading apostrophe', async () => {
      const rows = table(await download(t, '/export/organisations.csv?asOf=2020-07-01'));
      expect(byId(rows, ids.formula)!.name).toBe("'=SUMME(A1:A9)");
    });
  });

  describe('people.csv', () => {
    it('lists the people who are not archived, with the display name the API gives them', async () => {
      const file = await download(t, '/export/people.csv?asOf=2020-07-01');
      expect(file.headers.get('content-disposition')).toBe('attachment; filename="allianzregister-people-2020-07-01.csv"');
      const rows = table(file);
      expect(byId(rows, ids.person)).toEqual({
        id: ids.person,
        name: 'Dr. Jürgen Großmann-Weiß',
        honorific_prefix: 'Dr.',
        given_name: 'Jürgen',
        family_name: 'Großmann-Weiß',
      });
      expect(byId(rows, ids.archivedPerson)).toBeUndefined();
      const api = await t.gql<{ person: { displayName: string } }>(`{ person(id: "${ids.person}") { displayName } }`);
      expect(api.data!.person.displayName).toBe('Dr. Jürgen Großmann-Weiß');
    });
  });

  describe('memberships.csv', () => {
    it('holds every period of memberships and roles with inclusive end dates, and which are current on asOf', async () => {
      const rows = table(await download(t, '/export/memberships.csv?asOf=2020-07-01'));
      expect(byId(rows, ids.lead)).toEqual({
        id: ids.lead,
        organisation_id: ids.alliance,
        organisation: 'Fachkräfteallianz Heilbronn-Franken',
        member_type: 'organisation',
        member_id: ids.ihk,
        member: QUOTED_NAME,
        role: 'lead',
        start_date: '2011-12-01',
        end_date: '',
        current: 'true',
      });
      // Left on 2020-01-01 (the first day it no longer held): its last day was 2019-12-31.
      expect(byId(rows, ids.ended)).toMatchObject({
        member_id: ids.agency,
        role: 'partner',
        start_date: '2012-01-01',
        end_date: '2019-12-31',
        current: 'false',
      });
      expect(byId(rows, ids.role)).toEqual({
        id: ids.role,
        organisation_id: ids.ihk,
        organisation: QUOTED_NAME,
        member_type: 'person',
        member_id: ids.person,
        member: 'Dr. Jürgen Großmann-Weiß',
        role: TITLE,
        start_date: '2015-01-01',
        end_date: '',
        current: 'true',
      });
      for (const left of ['empty', 'archivedMembership', 'ofArchived', 'inLater', 'inArchived', 'roleOfArchived'])
        expect(byId(rows, ids[left])).toBeUndefined();
    });

    it('answers as of the day asked: current on its last day, names of that day, alliances founded by then', async () => {
      const rows = table(await download(t, '/export/memberships.csv?asOf=2019-12-31&sep=semicolon'), ';');
      expect(byId(rows, ids.ended)).toMatchObject({ current: 'true' });
      expect(byId(rows, ids.lead)).toMatchObject({ member: 'Handelskammer Heilbronn' });
      expect(byId(rows, ids.role)).toMatchObject({ organisation: 'Handelskammer Heilbronn', role: TITLE });
      const later = table(await download(t, '/export/memberships.csv?asOf=2021-01-01'));
      expect(byId(later, ids.inLater)).toMatchObject({ organisation: 'Fachkräfteallianz Südwürttemberg', current: 'true' });
    });
  });

  describe('popolo.json', () => {
    it('validates against the Popolo schemas, section by section', async () => {
      const file = await download(t, '/export/popolo.json?asOf=2021-06-01');
      expect(file.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(file.headers.get('content-disposition')).toBe('attachment; filename="allianzregister-popolo-2021-06-01.json"');
      const popolo = file.json();
      expect(popolo.meta).toEqual({ as_of: '2021-06-01' });
      const validate = popoloValidators();
      const sections = [
        ['organizations', validate.organization],
        ['persons', validate.person],
        ['memberships', validate.membership],
        ['areas', validate.area],
      ] as const;
      for (const [section, validator] of sections) {
        expect(popolo[section].length).toBeGreaterThan(0);
        for (const record of popolo[section]) {
          const valid = validator(record);
          expect({ section, record, errors: validator.errors ?? null, valid }).toMatchObject({ errors: null, valid: true });
        }
      }
    });

    it('rejects what the schemas forbid, so that the validation above can fail', () => {
      const validate = popoloValidators();
      expect(validate.organization({ id: 'x', other_names: [{ start_date: '2020-01-01' }] })).toBe(false);
      expect(validate.organization({ id: 'x', sources: [{ url: 'not a url' }] })).toBe(false);
      expect(validate.membership({ id: 'x', end_date: '31.12.2019' })).toBe(false);
    });

    it('has alliances and organisations as organizations, with other names, links and sources as of asOf', async () => {
      const popolo = (await download(t, '/export/popolo.json?asOf=2020-07-01')).json();
      expect(byId(popolo.organizations, ids.alliance)).toEqual({
        id: ids.alliance,
        name: 'Fachkräfteallianz Heilbronn-Franken',
        classification: 'alliance',
        level: 'regional',
        status: 'active',
        other_names: [],
        area_id: await regionId(t.dataSource, '0802'),
        founding_date: '2011-12-01',
        links: [],
        sources: [{ url: 'https://wm.baden-wuerttemberg.de/pm/1', note: 'Kooperationsvereinbarung "Fachkräfte" unterzeichnet' }],
      });
      expect(byId(popolo.organizations, ids.ihk)).toMatchObject({
        name: QUOTED_NAME,
        classification: 'chamber_of_commerce',
        other_names: [
          { name: 'IHK, Heilbronn', note: 'short name' },
          { name: 'Handelskammer Heilbronn', end_date: '2020-06-30', note: 'former name' },
        ],
        links: [{ url: 'https://www.heilbronn.ihk.de/', note: 'website' }],
      });
      const before = (await download(t, '/export/popolo.json?asOf=2020-06-30')).json();
      expect(byId(before.organizations, ids.ihk)).toMatchObject({
        name: 'Handelskammer Heilbronn',
        other_names: [
          { name: 'IHK, Heilbronn', note: 'short name' },
          { name: QUOTED_NAME, start_date: '2020-07-01', note: 'future name' },
        ],
      });
      const ids_ = popolo.organizations.map((o: { id: string }) => o.id);
      expect(ids_).not.toEqual(expect.arrayContaining([ids.later]));
      expect(ids_).not.toEqual(expect.arrayContaining([ids.archivedOrganisation]));
      const later = (await download(t, '/export/popolo.json?asOf=2021-06-01')).json();
      expect(byId(later.organizations, ids.alliance).sources).toHaveLength(2);
    });

    it('has memberships of alliances with the member organisation, and roles with the person, end dates inclusive', async () => {
      const popolo = (await download(t, '/export/popolo.json?asOf=2020-07-01')).json();
      expect(byId(popolo.memberships, ids.ended)).toEqual({
        id: ids.ended,
        member: { '@type': 'Organization', id: ids.agency },
        organization_id: ids.alliance,
        role: 'partner',
        start_date: '2012-01-01',
        end_date: '2019-12-31',
      });
      expect(byId(popolo.memberships, ids.role)).toEqual({
        id: ids.role,
        person_id: ids.person,
        organization_id: ids.ihk,
        role: TITLE,
        start_date: '2015-01-01',
      });
      expect(byId(popolo.memberships, ids.empty)).toBeUndefined();
      expect(byId(popolo.persons, ids.person)).toEqual({
        id: ids.person,
        name: 'Dr. Jürgen Großmann-Weiß',
        honorific_prefix: 'Dr.',
        given_name: 'Jürgen',
        family_name: 'Großmann-Weiß',
        sources: [{ url: 'https://www.heilbronn.ihk.de/pm', note: 'IHK begrüßt Allianz' }],
      });
      expect(byId(popolo.areas, await regionId(t.dataSource, '0802'))).toMatchObject({
        name: 'Heilbronn-Franken',
        identifier: '0802',
        classification: 'region',
      });
    });

    it('answers HEAD with the headers alone', async () => {
      const response = await fetch(`${t.url}/export/popolo.json?asOf=2020-07-01`, { method: 'HEAD' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="allianzregister-popolo-2020-07-01.json"');
      expect(await response.text()).toBe('');
    });
  });

  describe('asOf', () => {
    it('defaults to today in Baden-Württemberg', async () => {
      const file = await download(t, '/export/people.csv');
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="allianzregister-people-${today()}.csv"`);
    });

    it.each(['2025-02-30', '20250101', '', '2025-1-1'])('answers 400 naming asOf and its form for asOf=%p', async (asOf) => {
      const file = await download(t, `/export/memberships.csv?asOf=${asOf}`);
      expect(file.status).toBe(400);
      expect(file.headers.get('content-type')).toMatch(/^application\/json/);
      expect(file.json()).toEqual({
        errors: [
          {
            message: `asOf must be a calendar date in the form YYYY-MM-DD (e.g. 2013-03-18), got ${JSON.stringify(asOf)}`,
            extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'asOf', message: expect.stringContaining('YYYY-MM-DD') }] },
          },
        ],
      });
    });

    it('answers 400 for asOf given twice', async () => {
      const file = await download(t, '/export/popolo.json?asOf=2020-01-01&asOf=2021-01-01');
      expect(file.status).toBe(400);
      expect(file.json().errors[0].extensions.fields[0].field).toBe('asOf');
    });

    it('answers 400 naming sep for a separator it does not offer', async () => {
      const file = await download(t, '/export/people.csv?sep=tab');
      expect(file.status).toBe(400);
      expect(file.json().errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'sep', message: 'sep must be comma or semicolon, got "tab"' }],
      });
    });
  });

  describe('access', () => {
    const paths = ['/export/popolo.json', '/export/organisations.csv', '/export/people.csv', '/export/memberships.csv'];

    it.each(paths)('%s needs a token when PUBLIC_READ is off: 401 without, 200 with any valid one', async (path) => {
      const anonymous = await download(closed, path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
      await expect(download(closed, path, closed.tokens.reader)).resolves.toMatchObject({ status: 200 });
    });

    it.each(paths)('%s refuses an invalid token with 401, whatever PUBLIC_READ says', async (path) => {
      for (const app of [t, closed]) {
        const file = await download(app, path, 'not-a-token');
        expect(file.status).toBe(401);
        expect(file.json().errors[0]).toEqual({ message: 'The token is not valid', extensions: { code: 'UNAUTHENTICATED' } });
      }
    });

    it('checks the token before the input, as GraphQL does', async () => {
      await expect(download(closed, '/export/people.csv?asOf=nonsense')).resolves.toMatchObject({ status: 401 });
    });
  });
});

/** A download read through node:http, so that the test decides when to read on and when to hang up. */
function openDownload(url: string): Promise<{ response: IncomingMessage; first: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = get(url, (response) => {
      response.once('data', (first: Buffer) => {
        response.pause();
        resolve({ response, first });
      });
    });
    request.on('error', reject);
  });
}

/** How the download ends when read on: 'end' for a whole file, 'cut' for a connection closed before the end. */
function readToEnd(response: IncomingMessage): Promise<'end' | 'cut'> {
  return new Promise((resolve) => {
    response.on('end', () => resolve('end'));
    response.on('aborted', () => resolve('cut'));
    response.on('error', () => resolve('cut'));
    response.resume();
  });
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describe('open data export of a large registry', () => {
  let t: TestApp;
  /** The export cursors open in this test's database, waiting for their caller to read on. */
  const openCursors = async (): Promise<{ pid: number }[]> =>
    t.dataSource.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction' AND query LIKE 'FETCH FORWARD%'`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    // Enough rows (some 8 MB of CSV) that a caller who stops reading holds the export in the middle.
    await t.dataSource.query(
      `INSERT INTO person (given_name, family_name) SELECT 'Vorname ' || i, 'Nachname Großmann-Weiß ' || i FROM generate_series(1, 100000) i`,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it(`lets ${EXPORT_SLOTS} downloads run at once, answers 503 with Retry-After to more, and frees the connection of a caller who hangs up`, async () => {
    const running = await Promise.all(Array.from({ length: EXPORT_SLOTS }, () => openDownload(`${t.url}/export/people.csv`)));
    await eventually(async () => (await openCursors()).length === EXPORT_SLOTS, 'the downloads hold their cursors');
    const refused = await download(t, '/export/people.csv');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.json().errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');

    for (const { response } of running) response.destroy();
    await eventually(async () => (await openCursors()).length === 0, 'the cursors are closed once the callers are gone');
    const file = await download(t, '/export/people.csv');
    expect(file.status).toBe(200);
    expect(table(file)).toHaveLength(100000);
  });

  it('cuts the connection when the database fails after the headers, so that a truncated file never looks whole', async () => {
    const { response, first } = await openDownload(`${t.url}/export/people.csv`);
    expect(response.statusCode).toBe(200);
    expect(first.subarray(0, 3)).toEqual(BOM);
    let cursors: { pid: number }[] = [];
    await eventually(async () => (cursors = await openCursors()).length === 1, 'the download holds its cursor');
    await t.dataSource.query('SELECT pg_terminate_backend($1)', [cursors[0].pid]);
    await expect(readToEnd(response)).resolves.toBe('cut');
    await expect(download(t, '/export/memberships.csv')).resolves.toMatchObject({ status: 200 });
  });
});
