import { Controller, Get, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { mayRead } from '../../auth/access.guard';
import { Tokens } from '../../auth/tokens';
import { today } from '../../common/dates';
import { badInput, DomainError, unauthenticated } from '../../common/domain-error';
import { Environment } from '../../config/environment';
import { identify } from '../../graphql/request-context';
import { DATE_FORM, isCalendarDate } from '../../graphql/scalars';
import { SEPARATORS, SeparatorName } from './csv';
import { membershipsCsv, organisationsCsv, peopleCsv, popoloFile } from './export-files';
import { ExportFile, sendExport } from './export-stream';

/**
 * Downloads at once: each holds a pooled connection for as long as its caller reads, and the
 * GraphQL API must keep the rest of the pool.
 */
export const EXPORT_SLOTS = 2;

/** An error as the GraphQL API words it (`errors[].extensions.code`), so that a client reads both alike. */
function sendError(res: Response, status: number, code: string, message: string, details: object = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { ...details, code } }] });
}

const refuse = (res: Response, status: number, error: DomainError) => sendError(res, status, error.code, error.message, error.details);

/** The `asOf` query parameter: the day the export is as of, today in Baden-Württemberg when it is not given. */
function dayOf(value: unknown): string | DomainError {
  if (value === undefined) return today();
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  return badInput('asOf', `asOf must be ${DATE_FORM}, got ${JSON.stringify(value)}`);
}

/** The `sep` query parameter of the CSV exports: comma (the default) or semicolon. */
function separatorOf(value: unknown): string | DomainError {
  if (value === undefined) return SEPARATORS.comma;
  if (typeof value === 'string' && Object.hasOwn(SEPARATORS, value)) return SEPARATORS[value as SeparatorName];
  return badInput('sep', `sep must be comma or semicolon, got ${JSON.stringify(value)}`);
}

/**
 * Open data: the registry as Popolo JSON and as CSV tables, as of a day (README, "Open data"),
 * streamed from the database. Readable by whoever may read the GraphQL API.
 */
@Controller('export')
export class ExportController {
  private running = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: Tokens,
    private readonly env: Environment,
  ) {}

  @Get('popolo.json')
  popolo(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.send(req, res, (day) => popoloFile(day));
  }

  @Get('organisations.csv')
  organisations(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.sendCsv(req, res, organisationsCsv);
  }

  @Get('people.csv')
  people(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.sendCsv(req, res, peopleCsv);
  }

  @Get('memberships.csv')
  memberships(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.sendCsv(req, res, membershipsCsv);
  }

  private sendCsv(req: Request, res: Response, file: (day: string, separator: string) => ExportFile): Promise<void> {
    return this.send(req, res, (day) => {
      const separator = separatorOf(req.query.sep);
      return separator instanceof DomainError ? separator : file(day, separator);
    });
  }

  /**
   * The checks in the order GraphQL makes them (who asks, then the input), then the file. Reading
   * needs what a GraphQL query needs (mayRead): a token that verifies, or none with PUBLIC_READ.
   */
  private async send(req: Request, res: Response, fileOn: (day: string) => ExportFile | DomainError): Promise<void> {
    const asker = identify(this.tokens, req.headers.authorization);
    if (!mayRead(asker, this.env.PUBLIC_READ)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return refuse(res, 401, asker.authError ?? unauthenticated('Anonymous reading is switched off; send a bearer token'));
    }
    const day = dayOf(req.query.asOf);
    if (day instanceof DomainError) return refuse(res, 400, day);
    const file = fileOn(day);
    if (file instanceof DomainError) return refuse(res, 400, file);
    if (this.running >= EXPORT_SLOTS) {
      res.setHeader('Retry-After', '5');
      return sendError(res, 503, 'SERVICE_UNAVAILABLE', `${EXPORT_SLOTS} exports are being downloaded; try again shortly`);
    }
    this.running += 1;
    try {
      await sendExport(this.dataSource, req, res, file, day);
    } finally {
      this.running -= 1;
    }
  }
}
