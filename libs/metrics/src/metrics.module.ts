import { DynamicModule, Global, Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { METRICS_PORT_SETTING, MetricsPortSetting, MetricsServer } from './metrics.server';
import { METRICS_OPTIONS, MetricsOptions, MetricsService } from './metrics.service';
import { QueueMetricsCollector } from './queue-metrics.collector';

const HTTP_APP = Symbol('METRICS_HTTP_APP');

/**
 * Prometheus metrics for one app. HTTP apps: GET /metrics and a latency histogram over every request. Workers: the
 * same registry served on their own metrics port. Global, so services count outcomes by injecting MetricsService.
 */
@Global()
@Module({})
export class MetricsModule implements NestModule {
  constructor(@Inject(HTTP_APP) private readonly httpApp: boolean) {}

  static forHttpApp(app: string, options: { queues?: readonly string[] } = {}): DynamicModule {
    return {
      module: MetricsModule,
      imports: [DiscoveryModule],
      controllers: [MetricsController],
      providers: [
        { provide: METRICS_OPTIONS, useValue: { app, queues: options.queues ?? [] } satisfies MetricsOptions },
        { provide: HTTP_APP, useValue: true },
        MetricsService,
        QueueMetricsCollector,
      ],
      exports: [MetricsService],
    };
  }

  static forWorker(app: string, options: { port: MetricsPortSetting; queues: readonly string[] }): DynamicModule {
    return {
      module: MetricsModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: METRICS_OPTIONS, useValue: { app, queues: options.queues } satisfies MetricsOptions },
        { provide: HTTP_APP, useValue: false },
        { provide: METRICS_PORT_SETTING, useValue: options.port },
        MetricsService,
        QueueMetricsCollector,
        MetricsServer,
      ],
      exports: [MetricsService, MetricsServer],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (this.httpApp) consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
