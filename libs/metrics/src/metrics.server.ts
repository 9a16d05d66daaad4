import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Environment } from '@app/config';
import { MetricsService } from './metrics.service';

export const METRICS_PORT_SETTING = Symbol('METRICS_PORT_SETTING');
export type MetricsPortSetting = 'ROUTER_METRICS_PORT' | 'DEDUPLICATOR_METRICS_PORT';

/**
 * Workers have no Nest HTTP routes (docs/conventions.md, 6): they serve GET /metrics from a bare node:http server on a port of
 * their own. Metrics are not worth a worker: if the port is taken the worker logs it and goes on without them.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(
    private readonly metrics: MetricsService,
    private readonly config: ConfigService<Environment, true>,
    @Inject(METRICS_PORT_SETTING) private readonly setting: MetricsPortSetting,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.metrics.render().then(
        (body) => res.writeHead(200, { 'content-type': this.metrics.contentType, 'cache-control': 'no-store' }).end(body),
        () => res.writeHead(500).end(),
      );
    });
    const port = this.config.get(this.setting, { infer: true });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, this.config.get('AUTH_MODE', { infer: true }) === 'development' ? '127.0.0.1' : '0.0.0.0', () => resolve());
      });
      this.server = server;
      this.logger.log({ port: (server.address() as AddressInfo).port }, 'metrics listening');
    } catch (error) {
      this.logger.error({ port, reason: error instanceof Error ? error.message : 'unknown' }, 'metrics server could not listen; going on without /metrics');
    }
  }

  /** The port actually bound (0 in the setting asks the system for a free one), or undefined when not serving. */
  get port(): number | undefined {
    return this.server ? (this.server.address() as AddressInfo).port : undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
