import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import pinoHttp from 'pino-http';

/** JSON lines on stdout. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'allianzregister' } });
}

const REQUEST_ID = /^[\w.-]{1,100}$/;

/** The GraphQL operation a request ran, as the error-logging plugin records it on the request. */
export interface LoggedRequest extends IncomingMessage {
  graphqlOperation?: string;
}

/**
 * Logs every request with a request id (the caller's X-Request-Id when sane), echoed on the
 * response: method, path, status, time and the GraphQL operation's name. Never headers (they carry
 * tokens and cookies) nor the query string (a GET query carries the whole document). A caller's
 * mistake (4xx) is info; error is for what an operator must act on (5xx).
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (req: LoggedRequest) => (req.graphqlOperation ? { operation: req.graphqlOperation } : {}),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  });
}

/** Nest's own messages (start-up, routes) as pino lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
