import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Readiness } from './readiness';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: Readiness,
  ) {}

  /** The process answers: for a liveness probe. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Start-up has finished and the database answers: for a readiness probe (503 when not). */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => {
        const startup = this.indicators.check('startup');
        const waitingFor = this.readiness.waitingFor;
        return waitingFor ? startup.down({ waitingFor }) : startup.up();
      },
      // A database that does not answer at all (rather than refusing) still turns this 503 within 2 s.
      () => this.database.pingCheck('database', { timeout: 1500 }),
    ]);
  }
}
