import type { Request, Response } from 'express';
import type { EventEmitter } from 'node:events';
import type { DataSource, QueryRunner } from 'typeorm';
import { isDatabaseUnavailable } from '../../database/database-unavailable';
import { databaseUnavailable } from '../../graphql/format-error';
import { DAY } from './export-sql';

/** One statement of an export (DAY, $1, the day it is as of) and the text each of its rows becomes. */
export interface ExportQuery {
  sql: string;
  write: (row: unknown) => string;
}

/** A statement whose rows have the type R; the row type is the SQL's promise (its file declares both). */
export function rowsOf<R>(sql: string, write: (row: R) => string): ExportQuery {
  return { sql, write: (row) => write(row as R) };
}

/** Fixed text, or the rows of statements in turn with `separator` between two rows (across the statements too). */
export type ExportPart = string | { queries: ExportQuery[]; separator: string };

/** A file to download: its name, type and content. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  parts: ExportPart[];
}

/** Rows per FETCH: a batch is one write to the response, a few hundred kB at most. */
const BATCH_ROWS = 500;
const CURSOR = 'export_rows';

/**
 * How long a download may stall (the caller reads nothing) before it is cut: the snapshot holds a
 * pooled connection, which a caller who stopped reading must not keep forever.
 */
export const STALL_MS = 60_000;

/**
 * The file's text, a batch of rows at a time. Each statement runs through a cursor (DECLARE …
 * FETCH), so that neither PostgreSQL's answer nor this process ever holds more than a batch, and
 * every FETCH is a statement of its own under the pool's statement_timeout and query_timeout. A
 * single query streamed row by row (pg-query-stream) is one statement for the whole download, and
 * those timeouts (10 s) would cut any download that takes longer. Yields only non-empty text.
 */
async function* batches(runner: QueryRunner, parts: ExportPart[], day: string): AsyncGenerator<string> {
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    let first = true;
    for (const query of part.queries) {
      // PostgreSQL refuses a parameter a statement does not use (its type is unknown): only the statements written with DAY get the day.
      await runner.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${query.sql}`, query.sql.includes(DAY) ? [day] : []);
      let rows: unknown[];
      do {
        rows = (await runner.query(`FETCH FORWARD ${BATCH_ROWS} FROM ${CURSOR}`)) as unknown[];
        for (const row of rows) {
          if (!first) text += part.separator;
          text += query.write(row);
          first = false;
        }
        if (text) yield text;
        text = '';
      } while (rows.length === BATCH_ROWS);
      await runner.query(`CLOSE ${CURSOR}`);
    }
  }
  if (text) yield text;
}

/** A caller who stopped reading: their doing, not the service's, so it is logged as info. */
export class StalledDownload extends Error {
  constructor(stallMs: number) {
    super(`The caller read nothing for ${stallMs} ms`);
    this.name = 'StalledDownload';
  }
}

/** Resolves once `res` takes more (drain) or is gone (close); rejects with StalledDownload when neither happens within `stallMs`. */
export function drained(res: Pick<EventEmitter, 'once' | 'off'>, stallMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(() => {
      res.off('drain', done);
      res.off('close', done);
      reject(new StalledDownload(stallMs));
    }, stallMs);
    res.once('drain', done);
    res.once('close', done);
  });
}

/**
 * Sends the file as it is read: one read-only snapshot (REPEATABLE READ, so the sections of a
 * file agree with each other) on a connection of the app's pool, the status and headers once the
 * first batch has been read (a database that cannot be reached is still a 503 with a JSON body),
 * then a batch per write, waiting while the caller's connection is full. A caller who goes away
 * ends the reading; a failure after the headers cuts the connection, so that a truncated file
 * never looks complete. The connection goes back to the pool in every case.
 */
export async function sendExport(
  dataSource: DataSource,
  req: Request,
  res: Response,
  file: ExportFile,
  day: string,
  stallMs = STALL_MS,
): Promise<void> {
  let gone = false;
  res.once('close', () => (gone = true));
  const runner = dataSource.createQueryRunner();
  let reading: AsyncGenerator<string> | undefined;
  let failed = false;
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query('SET TRANSACTION READ ONLY');
    // Compiling the statements' per-row subqueries took longer than running them (organisations
    // at scale 100: 1.3 of 2.0 s); the planner's costs for a whole table make it compile anyway.
    await runner.query('SET LOCAL jit = off');
    reading = batches(runner, file.parts, day);
    let next = await reading.next();
    res.status(200);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    // HEAD (a link checker) gets the headers of the first batch; Node would read the rest only to drop it.
    while (!next.done && !gone && req.method !== 'HEAD') {
      if (!res.write(next.value)) await drained(res, stallMs);
      if (gone) break;
      next = await reading.next();
    }
    if (!gone) res.end();
  } catch (error) {
    failed = true;
    if (!res.headersSent) {
      const unavailable = isDatabaseUnavailable(error);
      if (!unavailable) req.log.error({ err: error }, 'export failed');
      res.status(unavailable ? 503 : 500).json({
        errors: [unavailable ? databaseUnavailable() : { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    } else {
      if (error instanceof StalledDownload) req.log.info(error.message + '; download cut');
      else if (!gone) req.log.error({ err: error }, 'export cut after its headers were sent');
      res.destroy();
    }
  } finally {
    await reading?.return(undefined);
    await finish(runner, failed || gone);
  }
}

/** Ends the snapshot and gives the connection back to the pool; a rollback that fails leaves a broken connection, which the pool drops. */
async function finish(runner: QueryRunner, rollback: boolean): Promise<void> {
  try {
    if (runner.isTransactionActive) await (rollback ? runner.rollbackTransaction() : runner.commitTransaction());
  } catch {
    // The connection is gone; release() hands it back and the pool discards it.
  } finally {
    await runner.release();
  }
}
