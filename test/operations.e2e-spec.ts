import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/database/embedded-postgres';
import { ServiceProcess, startService } from './support/service-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface LogLine {
  level: number;
  msg?: string;
  operation?: string;
  responseTime?: number;
  req?: { id?: string; method?: string; path?: string; headers?: unknown };
  res?: { statusCode?: number; headers?: unknown };
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, requestId: response.headers.get('x-request-id'), body: await response.text() };
}

describe('the service as an operator runs it', () => {
  let service: ServiceProcess;
  const readyAnswers: { status: number; waitingFor?: string; alliances?: number }[] = [];

  beforeAll(async () => {
    const { DATABASE_URL: _url, AUTH_JWT_SECRET: _secret, TEST_DATABASE_URL: _test, ...rest } = process.env;
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let starting = true;
    // Asks for readiness all through the start; whenever it says ready, the registry must be whole.
    const watch = (async () => {
      while (starting) {
        const answer = await fetch(`${base}/health/ready`).catch(() => null);
        if (answer) {
          const body = (await answer.json()) as { details?: { startup?: { waitingFor?: string } } };
          const seen: (typeof readyAnswers)[number] = { status: answer.status, waitingFor: body.details?.startup?.waitingFor };
          if (answer.status === 200) {
            const count = await post(base, JSON.stringify({ query: '{ alliances { totalCount } }' }));
            seen.alliances = (JSON.parse(count.body) as { data: { alliances: { totalCount: number } } }).data.alliances.totalCount;
          }
          readyAnswers.push(seen);
        }
        await sleep(10);
      }
    })();
    service = await startService({
      ...rest,
      NODE_ENV: 'development',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'allianzregister-ops-')),
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    await sleep(50);
    starting = false;
    await watch;
  });

  afterAll(async () => {
    service.process.kill('SIGTERM');
    await service.exited;
  });

  it('is not ready while the demo data is loading, and ready only with all of it', () => {
    expect(readyAnswers.filter((answer) => answer.status === 503).map((answer) => answer.waitingFor)).toContain('demo data');
    const ready = readyAnswers.filter((answer) => answer.status === 200);
    expect(ready.length).toBeGreaterThan(0);
    expect(ready.every((answer) => answer.alliances === 2)).toBe(true);
    const firstReady = readyAnswers.findIndex((answer) => answer.status === 200);
    expect(readyAnswers.slice(firstReady).every((answer) => answer.status === 200)).toBe(true);
  });

  it("logs method, path, status, time, request id and operation, never headers or tokens, and a caller's mistakes at info", async () => {
    const token = service.token;
    const secretCookie = 'session=geheim-1234567890';
    const headers = { authorization: `Bearer ${token}`, cookie: secretCookie };
    const mistakes = [
      // Bad input: a name too long.
      await post(
        service.url,
        JSON.stringify({
          query: 'mutation Anlegen($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
          operationName: 'Anlegen',
          variables: { input: { givenName: 'x'.repeat(400), familyName: 'Muster' } },
        }),
        headers,
      ),
      // An unknown id: a foreign key that names nothing.
      await post(
        service.url,
        JSON.stringify({
          query: 'mutation Rolle($input: AssignRoleInput!) { assignRole(input: $input) { id } } query Unbenutzt { stats { alliances } }',
          operationName: 'Rolle',
          variables: {
            input: {
              personId: '00000000-0000-4000-8000-00000000dead',
              organisationId: '00000000-0000-4000-8000-00000000beef',
              title: 'Präsident',
            },
          },
        }),
        headers,
      ),
      // Not JSON at all.
      await post(service.url, '{"query": ', headers),
      // A token that is not one.
      await post(service.url, JSON.stringify({ query: 'mutation { createPerson(input: {givenName: "a", familyName: "b"}) { id } }' }), {
        authorization: 'Bearer not-a-token',
      }),
    ];
    expect(mistakes.map((answer) => answer.status)).toEqual([200, 200, 400, 200]);
    expect(mistakes[1].body).toContain('NOT_FOUND');
    await sleep(200);

    // The log lines only: in development the service prints an ADMIN token for the person who started it.
    const logText = service
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    const lines = logText.map((line) => JSON.parse(line) as LogLine);
    const text = logText.join('\n');
    expect(text).not.toContain(token);
    expect(text).not.toContain('geheim');
    expect(text).not.toContain('not-a-token');
    expect(lines.some((line) => line.req?.headers !== undefined || line.res?.headers !== undefined)).toBe(false);

    const logged = mistakes.map((answer) => lines.find((line) => line.req?.id === answer.requestId));
    for (const line of logged) {
      expect(line).toMatchObject({ level: 30, req: { method: 'POST', path: '/graphql' }, res: { statusCode: expect.any(Number) } });
      expect(line!.responseTime).toEqual(expect.any(Number));
    }
    expect(logged.map((line) => line!.operation)).toEqual(['Anlegen', 'Rolle', undefined, '(anonymous)']);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
