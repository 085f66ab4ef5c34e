import { EntityManager } from 'typeorm';
import { badInput } from '../common/domain-error';
import { decodeCursor, encodeCursor, Page } from '../database/keyset-page';
import { AuditEventEntity } from './audit-event.entity';
import { ChangeFilter } from './change-filter.input';

export interface ChangeFeedPage {
  first: number;
  after?: string | null;
  /** Whether to count the events that match: on a large table the count costs far more than a page. */
  count: boolean;
}

interface FeedRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, unknown[]>;
  cursorAt: string;
  totalCount?: string;
}

/**
 * A cursor's instant, with PostgreSQL's microseconds: a JavaScript Date keeps milliseconds only,
 * so events of one millisecond would be skipped or repeated at a page's edge.
 */
const CURSOR_AT = `to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const CURSOR_AT_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** An instant in the cursor's form that names a real moment (no 30 February, no hour 24). */
function isCursorInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !CURSOR_AT_FORM.test(value)) return false;
  const milliseconds = `${value.slice(0, 23)}Z`;
  const parsed = new Date(milliseconds);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString() === milliseconds;
}

/**
 * The conditions of a filter on the alias `e`, with their parameters numbered from `params`.
 * The alliance's own events, its memberships' and its meetings': the membership and meeting
 * tables belong to their modules, but the feed must stay one statement, so their rows are
 * found here, in SQL, by the one column that ties them to the alliance.
 */
function conditions(filter: ChangeFilter, params: unknown[]): string[] {
  const where: string[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filter.since) where.push(`e.at >= ${param(filter.since)}`);
  if (filter.until) where.push(`e.at < ${param(filter.until)}`);
  if (filter.actor !== undefined) where.push(`e.actor = ${param(filter.actor)}`);
  if (filter.entityType !== undefined) where.push(`e.entity_type = ${param(filter.entityType)}`);
  if (filter.action !== undefined) where.push(`e.action = ${param(filter.action)}`);
  if (filter.allianceId) {
    const alliance = `${param(filter.allianceId)}::uuid`;
    where.push(
      `(e.entity_type, e.entity_id) IN (` +
        `SELECT 'Alliance', ${alliance} ` +
        `UNION ALL SELECT 'Membership', m.id FROM membership m WHERE m.alliance_id = ${alliance} ` +
        `UNION ALL SELECT 'Meeting', mt.id FROM meeting mt WHERE mt.alliance_id = ${alliance})`,
    );
  }
  return where;
}

const clause = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/**
 * The registry's change feed: audit events newest first, (at, id) descending, in keyset pages.
 * One statement: the page, with the count as an uncorrelated subquery when it is asked for (an
 * empty page after a cursor counts on its own). Indexes on (at, id), (actor, at, id),
 * (entity_type, at, id) and (action, at, id) let PostgreSQL read a page's rows in order and stop,
 * and count a filtered feed from an index alone; (entity_id, at) finds an alliance's events.
 */
export async function readChangeFeed(manager: EntityManager, filter: ChangeFilter, page: ChangeFeedPage): Promise<Page<AuditEventEntity>> {
  const params: unknown[] = [];
  const where = conditions(filter, params);
  const filterParams = params.slice();
  const counted = `SELECT count(*) FROM audit_event e ${clause(where)}`;
  const pageWhere = [...where];
  if (page.after) {
    const [at, id] = decodeCursor(page.after);
    if (!isCursorInstant(at)) throw badInput('after', 'after is not a cursor of this list');
    pageWhere.push(`(e.at, e.id) < ($${params.push(at)}::timestamptz, $${params.push(id)}::uuid)`);
  }
  const rows: FeedRow[] = await manager.query(
    `SELECT e.id, e.at, e.actor, e.action, e.entity_type AS "entityType", e.entity_id AS "entityId", e.changes, ` +
      `${CURSOR_AT} AS "cursorAt"${page.count ? `, (${counted}) AS "totalCount"` : ''} ` +
      `FROM audit_event e ${clause(pageWhere)} ORDER BY e.at DESC, e.id DESC LIMIT $${params.push(page.first + 1)}`,
    params,
  );
  let totalCount = 0;
  if (page.count && rows.length) totalCount = Number(rows[0].totalCount);
  else if (page.count && page.after) totalCount = Number((await manager.query<{ count: string }[]>(counted, filterParams))[0].count);
  const hasNextPage = rows.length > page.first;
  return {
    items: rows.slice(0, page.first).map(({ id, at, actor, action, entityType, entityId, changes, cursorAt }) => ({
      node: { id, at, actor, action, entityType, entityId, changes },
      cursor: encodeCursor(cursorAt, id),
    })),
    hasNextPage,
    totalCount,
  };
}
