export const ROLES = ['ADMIN', 'EDITOR', 'COORDINATOR', 'READER'] as const;
export type Role = (typeof ROLES)[number];

/** Who makes a request, from the verified token's claims. */
export interface Actor {
  sub: string;
  role: Role;
  /** The alliances a COORDINATOR may write around; empty for every other role. */
  allianceIds: string[];
}

/** Ministry staff: they may write everything. */
export const isMinistry = (actor: Actor) => actor.role === 'ADMIN' || actor.role === 'EDITOR';

/** The system actor that writes reference and demo data. */
export const SYSTEM_ACTOR: Actor = { sub: 'system', role: 'ADMIN', allianceIds: [] };
