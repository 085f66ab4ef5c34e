import { EventEmitter } from 'node:events';
import type { FormattedExecutionResult } from 'graphql';
import { parse } from 'graphql';
import { DataVersion } from '../database/data-version';
import { RequestContext } from './request-context';
import { ResponseCache } from './response-cache';

const SOURCE = '{ alliances(first: 5) { totalCount } }';

/** One request as Apollo hands it to the plugin, with the HTTP response whose end the cache watches. */
function request() {
  const res = new EventEmitter();
  const contextValue = { actor: null, authError: null, req: { res } } as unknown as RequestContext;
  const operation = parse(SOURCE).definitions[0] as never;
  return { res, question: { source: SOURCE, operation, request: {}, contextValue } };
}

function answer(result: FormattedExecutionResult) {
  return { response: { body: { kind: 'single' as const, singleResult: result } } };
}

describe('ResponseCache', () => {
  let version: string;
  let cache: ResponseCache;
  beforeEach(() => {
    version = '10:10:';
    cache = new ResponseCache({ maxBytes: 1024 * 1024, publicRead: true, dataVersion: { current: async () => version } as DataVersion });
  });

  async function ask() {
    const { res, question } = request();
    const listener = await cache.plugin().requestDidStart();
    return { res, question, listener, response: listener.responseForOperation(question) };
  }

  function text(response: Awaited<Awaited<ReturnType<typeof ask>>['response']>): string | null {
    return response ? cache.stringifyResult(response.body.singleResult) : null;
  }

  it('lets a second identical question wait for the first and answers it with the same text', async () => {
    const first = await ask();
    expect(await first.response).toBeNull();
    const second = await ask();
    const data = { alliances: { totalCount: 17 } };
    await first.listener.willSendResponse({ ...first.question, ...answer({ data }) });
    expect(text(await second.response)).toBe('{"data":{"alliances":{"totalCount":17}}}\n');
    // The miss is written with the text worked out once, and it is kept for the next question.
    expect(cache.stringifyResult({ errors: undefined, data, extensions: undefined })).toBe('{"data":{"alliances":{"totalCount":17}}}\n');
    expect(text(await (await ask()).response)).toBe('{"data":{"alliances":{"totalCount":17}}}\n');
  });

  it('lets the waiting question work out its own answer when the first ends in errors', async () => {
    const first = await ask();
    await first.response;
    const second = await ask();
    await first.listener.willSendResponse({ ...first.question, ...answer({ data: null, errors: [{ message: 'database unavailable' }] }) });
    expect(await second.response).toBeNull();
  });

  it('frees the waiting question when the first request ends without an answer (client gone, error raised)', async () => {
    const first = await ask();
    await first.response;
    const second = await ask();
    first.res.emit('close');
    expect(await second.response).toBeNull();
  });

  it('neither shares nor keeps an answer across data versions', async () => {
    const first = await ask();
    await first.response;
    version = '11:11:';
    const second = await ask();
    expect(await second.response).toBeNull();
    await first.listener.willSendResponse({ ...first.question, ...answer({ data: { alliances: { totalCount: 17 } } }) });
    const third = await ask();
    await second.listener.willSendResponse({ ...second.question, ...answer({ data: { alliances: { totalCount: 18 } } }) });
    expect(text(await third.response)).toBe('{"data":{"alliances":{"totalCount":18}}}\n');
  });

  it('writes results it has not seen as Apollo would', () => {
    expect(cache.stringifyResult({ errors: [{ message: 'no' }], data: null })).toBe('{"errors":[{"message":"no"}],"data":null}\n');
  });
});
