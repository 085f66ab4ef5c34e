import type { Request } from 'express';
import { Authentication } from '../auth/actor';
import { Tokens } from '../auth/tokens';
import { today } from '../common/dates';
import { DomainError } from '../common/domain-error';
import { PlainRows } from '../database/plain-rows';
import { RequestLoaders } from './request-loaders';
import { Projections } from './sql-projection';

/** What every resolver of one request shares: who asks, the days it reads as of, and that request's DataLoaders. */
export interface RequestContext extends Authentication {
  /** Today in Baden-Württemberg when the request began: what every read is as of unless its root field's asOf says otherwise. */
  today: string;
  /** The day each root field reads as of, by its response key (see point-in-time.ts). */
  asOf: Map<string, string>;
  /** The loaders of reads as of today: mutations, and root fields without asOf. */
  loaders: RequestLoaders;
  /** The loaders of reads as of other days, by day, made on first use. */
  loadersByDay: Map<string, RequestLoaders>;
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

export function requestContextFactory(tokens: Tokens, rows: PlainRows) {
  return ({ req }: { req: Request }): RequestContext => {
    const day = today();
    return {
      ...identify(tokens, req.headers.authorization),
      today: day,
      asOf: new Map<string, string>(),
      loaders: new RequestLoaders(day, rows),
      loadersByDay: new Map<string, RequestLoaders>(),
      projections: new Projections(),
      req,
    };
  };
}
