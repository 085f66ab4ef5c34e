import type { NextFunction, Request, Response } from 'express';

/**
 * Lets at most `limit` GraphQL requests be worked on at once; the others wait for a slot, first
 * come, first served. A request here is CPU work between short database waits, so on a machine
 * of few cores running fifty at once finishes none of them sooner than running a few, and keeps
 * fifty requests' objects alive together: the service's memory grows with the callers instead
 * of with the work (issue 5). A caller that goes away while waiting gives up its place.
 *
 * When every slot has been held for `stuckAfterMs`, the holders are not working but waiting for
 * a database that does not answer, and the waiting requests are let through: otherwise each of
 * them would wait for those to time out first, and a caller would wait the sum of everyone's
 * timeouts instead of its own.
 */
export class ExecutionSlots {
  /** When each running request started, in order of starting. */
  private readonly running = new Set<{ startedAt: number }>();
  private readonly waiting = new Set<() => void>();
  private watch: NodeJS.Timeout | undefined;

  constructor(
    private readonly limit: number,
    private readonly stuckAfterMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get queued(): number {
    return this.waiting.size;
  }

  readonly middleware = (_request: Request, response: Response, next: NextFunction): void => {
    let slot: { startedAt: number } | null = null;
    const run = () => {
      this.waiting.delete(run);
      slot = { startedAt: this.now() };
      this.running.add(slot);
      next();
    };
    response.once('close', () => {
      if (slot) {
        this.running.delete(slot);
        this.startWaiting();
      } else {
        this.waiting.delete(run);
      }
    });
    if (this.running.size < this.limit) return run();
    this.waiting.add(run);
    this.watchForStuckSlots();
  };

  private startWaiting(): void {
    for (const run of this.waiting) {
      if (this.running.size >= this.limit) break;
      run();
    }
    // The newest slot may have changed: the time to check again with it.
    clearTimeout(this.watch);
    this.watch = undefined;
    this.watchForStuckSlots();
  }

  /** Checks again when the newest slot would have been held for stuckAfterMs. */
  private watchForStuckSlots(): void {
    if (this.watch || this.waiting.size === 0) return;
    this.watch = setTimeout(
      () => {
        this.watch = undefined;
        if (this.waiting.size === 0) return;
        if (this.now() - this.newestStart() >= this.stuckAfterMs) {
          for (const run of [...this.waiting]) run();
        } else {
          this.watchForStuckSlots();
        }
      },
      Math.max(0, this.newestStart() + this.stuckAfterMs - this.now()),
    ).unref();
  }

  private newestStart(): number {
    return Math.max(...[...this.running].map((slot) => slot.startedAt));
  }
}
