import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

const REFUSAL = JSON.stringify({
  errors: [{ message: 'The service is shutting down; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
});

/**
 * How long the listener stays open, refusing, once the requests in flight are done: connections
 * a busy process had not accepted yet are still queued in the kernel, and closing the listener
 * would reset them, leaving their callers unsure whether anything was done; this way they get 503.
 */
const LINGER_MS = 250;

/**
 * Counts the requests in flight and, once the shutdown has begun, answers every new one 503 at
 * once. A caller thus gets an answer that says whether its request was done: a request the
 * service has read is either finished or refused, never dropped with its connection.
 */
export class RequestGate {
  private inFlight = 0;
  private closing = false;
  private onIdle?: () => void;

  readonly middleware = (_request: Request, response: Response, next: NextFunction): void => {
    if (this.closing) {
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5', connection: 'close' }).end(REFUSAL);
      return;
    }
    this.inFlight += 1;
    response.once('close', () => {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.onIdle?.();
    });
    next();
  };

  /**
   * Refuses new requests, waits for those in flight for up to `graceMs` (then cuts them, and
   * logs how many), and closes the server: new connections are refused from then on.
   */
  async drain(server: Server, graceMs: number, logger: Logger): Promise<void> {
    this.closing = true;
    const finished = await this.inFlightDone(graceMs);
    if (finished) await new Promise((resolve) => setTimeout(resolve, LINGER_MS));
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    if (!finished) {
      logger.warn({ requests: this.inFlight, graceMs }, 'cutting the requests still in flight after the grace period');
      server.closeAllConnections();
    }
    await closed;
  }

  /** Whether the requests in flight finished within `graceMs`. */
  private inFlightDone(graceMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const grace = setTimeout(() => resolve(false), graceMs);
      this.onIdle = () => {
        clearTimeout(grace);
        resolve(true);
      };
    });
  }
}

/**
 * On the first SIGTERM or SIGINT runs the steps in order, logging each with its duration, then
 * exits 0 (1 when a step failed). A second signal while they run is ignored: they are under way.
 */
export function onShutdownSignal(logger: Logger, steps: [name: string, run: () => Promise<unknown>][]): void {
  let closing = false;
  const shutdown = async () => {
    for (const [step, run] of steps) {
      const startedAt = Date.now();
      await run();
      logger.info({ step, ms: Date.now() - startedAt }, 'shutdown step done');
    }
  };
  const handle = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const startedAt = Date.now();
    logger.info({ signal }, 'shutting down');
    shutdown().then(
      () => {
        logger.info({ shutdownMs: Date.now() - startedAt }, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
