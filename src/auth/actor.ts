import type { DomainError } from '../common/domain-error';

export const ROLES = ['ADMIN', 'EDITOR', 'COORDINATOR', 'READER'] as const;
export type Role = (typeof ROLES)[number];

/** Who makes a request, from the verified token's claims. */
export interface Actor {
  sub: string;
  role: Role;
  /** The alliances a COORDINATOR may write around; empty for every other role. */
  allianceIds: string[];
}

/**
 * What a request knows about its caller, as the guard reads it: the GraphQL context of a request
 * (src/graphql/request-context.ts) is one, with the request's loaders besides.
 */
export interface Authentication {
  actor: Actor | null;
  /** Set when the request carried a token that failed verification; the guard raises it. */
  authError: DomainError | null;
}

/** The system actor that writes reference and demo data. */
export const SYSTEM_ACTOR: Actor = { sub: 'system', role: 'ADMIN', allianceIds: [] };
