import { createHash } from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult, OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { mayRead } from '../auth/access.guard';
import { today } from '../common/dates';
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
  responseForOperation(request: CacheableRequest): Promise<{ http: { status?: number; headers: HeaderMap }; body: { kind: 'single'; singleResult: FormattedExecutionResult } } | null>;
  willSendResponse(request: CacheableRequest & { response: SingleResponse }): Promise<void>;
}

/** Who may see what is the same for every caller of one role (and, for a coordinator, one set of alliances). */
function audience({ actor }: RequestContext): string {
  return actor ? `${actor.role}:${[...actor.allianceIds].sort().join(',')}` : 'anonymous';
}

/**
 * Keeps the answers to queries, keyed by the query text, operation, variables, the caller's
 * audience, today's date (what `current` and `asOf` default to) and the data's version (see
 * DataVersion): a repeated dashboard query costs one tiny statement instead of its resolvers and
 * their statements, and a write anywhere makes every earlier answer unreachable at once. Only
 * answers without errors are kept; requests that the access rules refuse never reach the cache,
 * because it is consulted only for callers who may read at all (mayRead, the guard's own rule). Typed structurally for the reason given in error-logging.plugin.ts.
 */
export function responseCachePlugin(options: { maxBytes: number; publicRead: boolean; dataVersion: DataVersion }): { requestDidStart(): Promise<CacheListener> } {
  // Sized by the answer's JSON, measured once when it is stored.
  const answers = new LRUCache<string, FormattedExecutionResult>({ maxSize: options.maxBytes });
  // The data version all kept answers belong to. An older version's answers can never be asked
  // for again, so a newer version empties the cache instead of letting them age out of it.
  let version: string | null = null;

  return {
    async requestDidStart() {
      let key: string | null = null;
      let keyVersion: string | null = null;
      let hit = false;
      return {
        async responseForOperation({ source, operation, request, contextValue }) {
          if (operation?.operation !== 'query' || source === undefined) return null;
          if (!mayRead(contextValue, options.publicRead)) return null;
          let question: string;
          try {
            question = JSON.stringify([source, request.operationName ?? null, request.variables ?? null, audience(contextValue), today()]);
          } catch {
            // Variables nested too deep to serialise: execution refuses them with its own error.
            return null;
          }
          let current: string;
          try {
            current = await options.dataVersion.current();
          } catch (error) {
            // The resolvers would fail the same way, only later: answer as they would.
            if (isDatabaseUnavailable(error)) return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: null, errors: [databaseUnavailable()] } } };
            return null;
          }
          if (current !== version) {
            answers.clear();
            version = current;
          }
          keyVersion = current;
          key = createHash('sha256').update(question).digest('base64url');
          const cached = answers.get(key);
          if (!cached) return null;
          hit = true;
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: cached } };
        },
        async willSendResponse({ response }) {
          // Kept only if the data did not change while it was worked out.
          if (key === null || hit || keyVersion !== version || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || !result.data) return;
          const size = key.length + JSON.stringify(result).length;
          if (size <= options.maxBytes / 4) answers.set(key, result, { size });
        },
      };
    },
  };
}
