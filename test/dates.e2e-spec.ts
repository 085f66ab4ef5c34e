import { createTestApp, TestApp } from './support/test-app';

const FORM = 'must be a calendar date in the form YYYY-MM-DD (e.g. 2013-03-18)';
const CREATE_ALLIANCE = (foundedOn: string) =>
  `mutation { createAlliance(input: { name: "Bündnis", level: LOCAL, regionId: "00000000-0000-4000-8000-000000000000", foundedOn: ${foundedOn} }) { id } }`;

describe('a Date that is not one, written inline or sent in a variable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['a German date inline', CREATE_ALLIANCE('"18.03.2013"'), 'foundedOn', '"18.03.2013"'],
    ['a day that does not exist inline', CREATE_ALLIANCE('"2013-02-30"'), 'foundedOn', '"2013-02-30"'],
    ['a number inline', CREATE_ALLIANCE('20130318'), 'foundedOn', '20130318'],
    ['an argument inline', '{ overdueCommitments(asOf: "1.1.2013") { overdue } }', 'asOf', '"1.1.2013"'],
    ['a filter field inline', '{ agreements(filter: { signedFrom: "2013" }) { totalCount } }', 'signedFrom', '"2013"'],
  ])('%s: BAD_USER_INPUT naming the field and the form', async (_case, query, field, given) => {
    const result = await t.gql(query, {}, { token: t.tokens.admin });
    const message = `${field} ${FORM}, got ${given}`;
    expect(result.errors).toEqual([
      { message, locations: expect.any(Array), extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message }] } },
    ]);
  });

  it('names the field inside a variable’s input object, and the variable when the date is the variable', async () => {
    const nested = await t.gql(
      'mutation($input: CreateAllianceInput!) { createAlliance(input: $input) { id } }',
      { input: { name: 'Bündnis', level: 'LOCAL', regionId: '00000000-0000-4000-8000-000000000000', foundedOn: '18.03.2013' } },
      { token: t.tokens.admin },
    );
    expect(nested.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'foundedOn', message: `foundedOn ${FORM}, got "18.03.2013"` }],
    });
    const direct = await t.gql('query($day: Date) { overdueCommitments(asOf: $day) { overdue } }', { day: '2013/03/18' });
    expect(direct.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'day', message: `day ${FORM}, got "2013/03/18"` }],
    });
  });

  it('names each of several bad dates in one document', async () => {
    const result = await t.gql('{ a: overdueCommitments(asOf: "x") { overdue } meetings(filter: { from: "2013-13-01" }) { totalCount } }');
    expect(result.errors!.map((error) => error.extensions.fields)).toEqual([
      [{ field: 'asOf', message: `asOf ${FORM}, got "x"` }],
      [{ field: 'from', message: `from ${FORM}, got "2013-13-01"` }],
    ]);
  });

  it('takes a real day, inline and in a variable', async () => {
    await expect(t.gql('{ overdueCommitments(asOf: "2024-02-29") { overdue } }')).resolves.toMatchObject({
      data: { overdueCommitments: [] },
    });
    await expect(t.gql('query($day: Date) { overdueCommitments(asOf: $day) { overdue } }', { day: '2024-02-29' })).resolves.toMatchObject({
      data: { overdueCommitments: [] },
    });
  });
});
