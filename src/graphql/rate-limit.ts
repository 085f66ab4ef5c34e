interface Bucket {
  points: number;
  at: number;
}

export type Spend = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket per caller that refills a minute's budget evenly over the minute, so a caller
 * may burst up to the whole budget and then goes on at its average rate. In memory: each
 * instance of the service keeps its own buckets.
 */
export class CostBudget {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMillisecond: number;
  private sweptAt: number;

  constructor(
    private readonly pointsPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMillisecond = pointsPerMinute / 60_000;
    this.sweptAt = now();
  }

  /**
   * Takes `cost` points from the caller's bucket, or none when it holds fewer. A cost above the
   * whole budget is charged as the whole budget, or such an operation could never run.
   */
  spend(caller: string, cost: number): Spend {
    const now = this.now();
    this.sweep(now);
    const wanted = Math.min(Math.max(cost, 1), this.pointsPerMinute);
    const bucket = this.buckets.get(caller);
    const points = bucket ? Math.min(this.pointsPerMinute, bucket.points + (now - bucket.at) * this.perMillisecond) : this.pointsPerMinute;
    if (points < wanted) {
      this.buckets.set(caller, { points, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((wanted - points) / this.perMillisecond / 1000)) };
    }
    this.buckets.set(caller, { points: points - wanted, at: now });
    return { allowed: true };
  }

  /** How many callers the budget remembers; the sweep keeps it to those seen in the last minute or two. */
  get size(): number {
    return this.buckets.size;
  }

  /** A bucket untouched for a minute is full again, the same as no bucket: dropping it bounds the memory. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [caller, bucket] of this.buckets) if (now - bucket.at >= 60_000) this.buckets.delete(caller);
  }
}
