import { forbidden } from '../common/domain-error';
import { Actor, isMinistry } from './actor';

/**
 * The coordinator rule of the contract: ministry staff write everything; a COORDINATOR writes only
 * around the alliances in its token. Callers pass the alliances a record belongs to (an alliance's
 * own id, a membership's alliance, the alliances an organisation is a current member of).
 */
export function assertMayWriteAround(actor: Actor, allianceIds: readonly string[], what = 'this record'): void {
  if (isMinistry(actor)) return;
  if (actor.role === 'COORDINATOR' && allianceIds.some((id) => actor.allianceIds.includes(id))) return;
  throw forbidden(`You may not change ${what}: it is outside the alliances your token names`);
}

/** Operations that only ministry staff (ADMIN, EDITOR) may do. */
export function assertMinistry(actor: Actor, what: string): void {
  if (!isMinistry(actor)) throw forbidden(`Only ADMIN and EDITOR may ${what}`);
}
