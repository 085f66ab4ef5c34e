import { CSRF_REFUSAL } from '../src/graphql/csrf-guard';
import { createTestApp, TestApp } from './support/test-app';

const QUERY = '{ stats { alliances } }';

describe('GET and simple requests: the cross-site request forgery guard', () => {
  let t: TestApp;
  const get = (headers: Record<string, string> = {}) =>
    fetch(`${t.url}/graphql?${new URLSearchParams({ query: QUERY }).toString()}`, { headers });

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'development' });
  });
  afterAll(() => t.close());

  it('answers a GET that sends the preflight header, as README shows it', async () => {
    const answer = await get({ 'apollo-require-preflight': 'true' });
    expect(answer.status).toBe(200);
    await expect(answer.json()).resolves.toEqual({ data: { stats: { alliances: 0 } } });
    const named = await get({ 'x-apollo-operation-name': 'Stats' });
    expect(named.status).toBe(200);
  });

  it('refuses a GET without it, saying which header to send, with the contract code and no stack trace even in development', async () => {
    const answer = await get({ accept: 'application/json' });
    expect(answer.status).toBe(400);
    await expect(answer.json()).resolves.toEqual({ errors: [{ message: CSRF_REFUSAL, extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(CSRF_REFUSAL).toContain("'apollo-require-preflight: true'");
  });

  it('refuses a POST of a simple content type, and answers one of JSON', async () => {
    const plain = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(plain.status).toBe(400);
    await expect(plain.json()).resolves.toMatchObject({ errors: [{ message: CSRF_REFUSAL }] });
    const json = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(json.status).toBe(200);
  });

  it('still serves the explorer to a browser that asks for HTML', async () => {
    const page = await get({ accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });
});
