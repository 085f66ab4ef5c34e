import { createHash } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { OperationTypeNode, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { mayRead } from '../auth/access.guard';
import { DataVersion } from '../database/data-version';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { databaseUnavailable } from './format-error';
import { RequestContext } from './request-context';

interface CacheableRequest {
  source?: string;
  operation?: OperationDefinitionNode | null;
  request: { operationName?: string | null; variables?: Record<string, unknown> };
  contextValue: RequestContext;
}

interface SingleResponse {
  body: { kind: 'single'; singleResult: FormattedExecutionResult } | { kind: 'incremental' };
}

interface CacheListener {
  responseForOperation(
    request: CacheableRequest,
  ): Promise<{ http: { status?: number; headers: HeaderMap }; body: { kind: 'single'; singleResult: FormattedExecutionResult } } | null>;
  willSendResponse(request: CacheableRequest & { response: SingleResponse }): Promise<void>;
}

export interface ResponseCacheOptions {
  maxBytes: number;
  publicRead: boolean;
  dataVersion: DataVersion;
}

/**
 * Who may see what is the same for every caller of one role; a coordinator's answers depend on its
 * alliances and on who it is (`proposals` lists only the ones it made), so its sub is part of it.
 */
function audience({ actor }: RequestContext): string {
  if (!actor) return 'anonymous';
  return actor.role === 'COORDINATOR' ? JSON.stringify([actor.role, actor.sub, [...actor.allianceIds].sort()]) : actor.role;
}

/** What Apollo writes for a result by default (its prettyJSONStringify, with its field order). */
function serialise({ errors, data, extensions }: FormattedExecutionResult): string {
  return `${JSON.stringify({ errors, data, extensions })}\n`;
}

/**
 * Keeps the answers to queries, keyed by the query text, operation, variables (asOf is in the
 * text or the variables), the caller's audience, the request's today (what asOf defaults to) and
 * the data's version (see
 * DataVersion): a repeated dashboard query costs one tiny statement instead of its resolvers and
 * their statements, and a write anywhere makes every earlier answer unreachable at once. Only
 * answers without errors are kept; requests that the access rules refuse never reach the cache,
 * because it is consulted only for callers who may read at all (mayRead, the guard's own rule).
 * A field that refuses some of those callers (audit events refuse anonymous ones) is safe as
 * well: answers are kept per audience, and the refused audience's answers carry the refusal.
 *
 * Answers are kept as the text Apollo sends. Writing a kept result object again measured as
 * most of a hit's time (graphql-js builds results from prototype-less objects, which
 * JSON.stringify walks slowly): a hit now hands Apollo a stand-in object whose text
 * `stringifyResult` knows. The text computed for a miss is the one sent, too, not a second
 * serialisation. And while one request works an answer out, the same question under the same
 * data version waits for it instead of working it out again: after a write, a dashboard's
 * concurrent polls cost one execution, not one each. Typed structurally for the reason given in
 * error-logging.plugin.ts.
 */
export class ResponseCache {
  // Sized by the answers' text (UTF-16 code units).
  private readonly answers: LRUCache<string, string>;
  // The data version all kept answers belong to. An older version's answers can never be asked
  // for again, so a newer version empties the cache instead of letting them age out of it.
  private version: string | null = null;
  /** Answers being worked out, by data version and key: what a request asking the same waits for. */
  private readonly pending = new Map<string, Promise<string | null>>();
  /** The text of results this cache has produced or served, by their data object. */
  private readonly texts = new WeakMap<object, { text: string; extensions: unknown }>();

  constructor(private readonly options: ResponseCacheOptions) {
    this.answers = new LRUCache<string, string>({ maxSize: options.maxBytes });
  }

  /** For Apollo's `stringifyResult`: the known text of a result, or what Apollo itself would write. */
  readonly stringifyResult = (result: FormattedExecutionResult): string => {
    const known = result.data && result.errors === undefined ? this.texts.get(result.data) : undefined;
    return known && known.extensions === result.extensions ? known.text : serialise(result);
  };

  plugin(): { requestDidStart(): Promise<CacheListener> } {
    return { requestDidStart: async () => this.listener() };
  }

  private listener(): CacheListener {
    let key: string | null = null;
    let keyVersion: string | null = null;
    let settle: ((text: string | null) => void) | null = null;
    return {
      responseForOperation: async ({ source, operation, request, contextValue }) => {
        if (operation?.operation !== OperationTypeNode.QUERY || source === undefined) return null;
        if (!mayRead(contextValue, this.options.publicRead)) return null;
        let question: string;
        try {
          question = JSON.stringify([
            source,
            request.operationName ?? null,
            request.variables ?? null,
            audience(contextValue),
            contextValue.today,
          ]);
        } catch {
          // Variables nested too deep to serialise: execution refuses them with its own error.
          return null;
        }
        let current: string;
        try {
          current = await this.options.dataVersion.current();
        } catch (error) {
          // The resolvers would fail the same way, only later: answer as they would.
          if (isDatabaseUnavailable(error))
            return {
              http: { headers: new HeaderMap() },
              body: { kind: 'single', singleResult: { data: null, errors: [databaseUnavailable()] } },
            };
          return null;
        }
        if (current !== this.version) {
          this.answers.clear();
          this.version = current;
        }
        keyVersion = current;
        key = createHash('sha256').update(question).digest('base64url');
        const inFlight = `${current} ${key}`;
        const waited = this.pending.get(inFlight);
        const text = this.answers.get(key) ?? (waited && (await waited));
        if (text) return this.hit(text);
        // The request it waited for ended without an answer to keep (errors): this one works out its own.
        if (waited) return null;
        const worked = new Promise<string | null>((resolve) => {
          settle = (answer) => {
            settle = null;
            this.pending.delete(inFlight);
            resolve(answer);
          };
        });
        this.pending.set(inFlight, worked);
        // Whatever ends the request (an answer, an error Apollo raises, a client gone), it frees its waiters.
        contextValue.req.res?.once('close', () => settle?.(null));
        return null;
      },
      willSendResponse: async ({ response }) => {
        if (key === null || response.body.kind !== 'single' || !settle) return;
        const result = response.body.singleResult;
        if (result.errors?.length || !result.data) return settle(null);
        const text = serialise(result);
        this.texts.set(result.data, { text, extensions: result.extensions });
        settle(text);
        // Kept only if the data did not change while it was worked out.
        const size = key.length + text.length;
        if (keyVersion === this.version && size <= this.options.maxBytes / 4) this.answers.set(key, text, { size });
      },
    };
  }

  private hit(text: string): { http: { headers: HeaderMap }; body: { kind: 'single'; singleResult: FormattedExecutionResult } } {
    // Nothing reads a hit's data but stringifyResult, which writes the kept text in its place.
    const standIn = Object.freeze({});
    this.texts.set(standIn, { text, extensions: undefined });
    return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: standIn } } };
  }
}
