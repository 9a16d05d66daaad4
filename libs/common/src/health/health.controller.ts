import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorFunction, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { NoThrottle } from '../throttling.module';
import { RedisHealthIndicator } from './redis-health.indicator';

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');
export interface HealthOptions {
  redis: boolean;
}

@ApiTags('health')
@Public()
@NoThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
  ) {}

  /** The process is up; says nothing of its dependencies, so an orchestrator does not restart it for them. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready to serve: PostgreSQL answers, and Redis where this app needs it. 503 otherwise. */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [this.database.pingCheck('database').withTimeout(1500)];
    if (this.options.redis) checks.push(() => this.redis.pingCheck('redis'));
    return this.health.check(checks);
  }
}
