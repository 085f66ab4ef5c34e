import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** The process answers: for a liveness probe. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** The database answers too: for a readiness probe (503 when it does not). */
  @Get('ready')
  @HealthCheck()
  ready() {
    // A database that does not answer at all (rather than refusing) still turns this 503 within 2 s.
    return this.health.check([() => this.database.pingCheck('database', { timeout: 1500 })]);
  }
}
