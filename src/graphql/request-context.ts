import type { Request } from 'express';
import { Authentication } from '../auth/actor';
import { Tokens } from '../auth/tokens';
import { DomainError } from '../common/domain-error';
import { RequestLoaders } from './request-loaders';
import { Projections } from './sql-projection';

/** What every resolver of one request shares: who asks, and that request's DataLoaders. */
export interface RequestContext extends Authentication {
  loaders: RequestLoaders;
  /** Relation values found in SQL ahead of their resolvers (sql-projection.ts). */
  projections: Projections;
  req: Request;
}

/**
 * What graphql-js passes as the arguments of a field that declares none. Relation fields take
 * (parent, args, context) as graphql-js calls them, without @Parent()/@Context(): @nestjs/graphql
 * then binds the method as the field's resolver instead of running it through Nest's parameter
 * and pipe machinery, which measured as most of a list request's allocations (issue 5).
 */
export type NoArgs = Record<string, never>;

/** Who asks, by a request's Authorization header: the actor (null for none), or the error of a token that failed verification. */
export function identify(tokens: Tokens, authorization: string | undefined): Pick<RequestContext, 'actor' | 'authError'> {
  try {
    return { actor: tokens.fromHeader(authorization), authError: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { actor: null, authError: error };
  }
}

export function requestContextFactory(tokens: Tokens) {
  return ({ req }: { req: Request }): RequestContext => {
    const { actor, authError } = identify(tokens, req.headers.authorization);
    return { actor, authError, loaders: new RequestLoaders(), projections: new Projections(), req };
  };
}
