import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HEALTH_OPTIONS, HealthController, HealthOptions } from './health.controller';
import { RedisHealthIndicator } from './redis-health.indicator';

@Module({})
export class HealthModule {
  static forRoot(options: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [RedisHealthIndicator, { provide: HEALTH_OPTIONS, useValue: options }],
    };
  }
}
