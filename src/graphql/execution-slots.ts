import type { NextFunction, Request, Response } from 'express';

/**
 * Lets at most `limit` GraphQL requests be worked on at once; the others wait for a slot, first
 * come, first served. A request here is CPU work between short database waits, so on a machine
 * of few cores running fifty at once finishes none of them sooner than running a few, and keeps
 * fifty requests' objects alive together: the service's memory grows with the callers instead
 * of with the work (issue 5). A caller that goes away while waiting gives up its place.
 *
 * The limit is soft: a request that has waited `maxWaitMs` runs anyway. Otherwise requests
 * stuck behind slots that hang (a database that stopped answering) would wait for those to time
 * out first, and a caller would wait the sum of everyone's timeouts instead of its own.
 */
export class ExecutionSlots {
  private active = 0;
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly limit: number,
    private readonly maxWaitMs: number,
  ) {}

  get queued(): number {
    return this.waiting.size;
  }

  readonly middleware = (_request: Request, response: Response, next: NextFunction): void => {
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    let patience: NodeJS.Timeout | undefined;
    const run = () => {
      clearTimeout(patience);
      this.waiting.delete(run);
      state = 'running';
      this.active += 1;
      next();
    };
    response.once('close', () => {
      clearTimeout(patience);
      if (state === 'running') {
        this.active -= 1;
        this.startWaiting();
      } else if (state === 'waiting') {
        this.waiting.delete(run);
      }
      state = 'done';
    });
    if (this.active < this.limit) return run();
    this.waiting.add(run);
    patience = setTimeout(run, this.maxWaitMs).unref();
  };

  private startWaiting(): void {
    for (const run of this.waiting) {
      if (this.active >= this.limit) return;
      run();
    }
  }
}
