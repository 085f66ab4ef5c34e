import { Injectable } from '@nestjs/common';

/**
 * Start-up work the service must finish before it takes traffic (loading the demo data through
 * its own API needs the port open, so listening alone does not mean ready). Ready by default: a
 * service with nothing to load is ready once it listens.
 */
@Injectable()
export class Readiness {
  private pending: string | null = null;

  /** Until finished() is called, /health/ready answers 503 naming `what`. */
  waitFor(what: string): void {
    this.pending = what;
  }

  finished(): void {
    this.pending = null;
  }

  get waitingFor(): string | null {
    return this.pending;
  }
}
