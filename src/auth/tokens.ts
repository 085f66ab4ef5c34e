import { sign, verify } from 'jsonwebtoken';
import { DomainError, unauthenticated } from '../common/domain-error';
import { Actor, ROLES, Role } from './actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Mints and verifies the registry's bearer tokens: HS256 only, so `alg: none` and RS/HS confusion fail. */
export class Tokens {
  constructor(private readonly secret: string) {}

  mint(actor: { sub: string; role: Role; allianceIds?: string[] }, expiresInSeconds = 8 * 3600): string {
    const claims: Record<string, unknown> = { role: actor.role };
    if (actor.role === 'COORDINATOR') claims.allianceIds = actor.allianceIds ?? [];
    return sign(claims, this.secret, { algorithm: 'HS256', subject: actor.sub, expiresIn: expiresInSeconds });
  }

  /** The actor of an `Authorization` header value; null when there is none. */
  fromHeader(header: string | undefined): Actor | null {
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    return this.verify(match[1]);
  }

  verify(token: string): Actor {
    let claims: Record<string, unknown>;
    try {
      claims = verify(token, this.secret, { algorithms: ['HS256'] }) as Record<string, unknown>;
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw unauthenticated(expired ? 'The token has expired' : 'The token is not valid');
    }
    return claimsToActor(claims);
  }
}

function claimsToActor(claims: Record<string, unknown>): Actor {
  const { sub, role, allianceIds } = claims;
  const invalid = (why: string) => new DomainError('UNAUTHENTICATED', `The token's claims are not valid: ${why}`);
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) throw invalid('sub');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw invalid('role');
  if (role !== 'COORDINATOR') return { sub, role: role as Role, allianceIds: [] };
  if (!Array.isArray(allianceIds) || !allianceIds.every((id) => typeof id === 'string' && UUID.test(id))) throw invalid('allianceIds');
  return { sub, role: 'COORDINATOR', allianceIds: allianceIds.map((id: string) => id.toLowerCase()) };
}
