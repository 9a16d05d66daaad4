import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsService } from './metrics.service';

function respond(metrics: MetricsService, req: Partial<Request>, status: number): void {
  const res = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as Response;
  new HttpMetricsMiddleware(metrics).use({ method: 'GET', baseUrl: '', ...req } as Request, res, (() => undefined) as NextFunction);
  (res as unknown as EventEmitter).emit('finish');
}

describe(MetricsService.name, () => {
  it('counts a retried delivery as an attempt and as a retry', async () => {
    const metrics = new MetricsService({ app: 'router', queues: [] });
    metrics.delivery('AIS', 'retry');
    metrics.delivery('AIS', 'routed');
    const text = await metrics.render();
    expect(text).toContain('rh_routing_deliveries_total{system="AIS",outcome="retry",app="router"} 1');
    expect(text).toContain('rh_routing_deliveries_total{system="AIS",outcome="routed",app="router"} 1');
    expect(text).toContain('rh_routing_retries_total{system="AIS",app="router"} 1');
  });

  it('keeps each app on a registry of its own, so two apps in one process do not collide', async () => {
    const intake = new MetricsService({ app: 'intake', queues: [] });
    const insights = new MetricsService({ app: 'insights', queues: [] });
    intake.linkDecision('linked');
    expect(await insights.render()).not.toContain('outcome="linked"');
  });
});

describe(HttpMetricsMiddleware.name, () => {
  it('labels a request with the route template, never the URL with its id', async () => {
    const metrics = new MetricsService({ app: 'intake', queues: [] });
    respond(metrics, { route: { path: '/v1/referrals/:id' }, originalUrl: '/v1/referrals/7d6f0b4e-1c1a-4f5e-9d65-1b8c3f1e2a90' } as Partial<Request>, 200);
    const text = await metrics.render();
    expect(text).toContain('route="/v1/referrals/:id",method="GET",status_code="200"');
    expect(text).not.toContain('7d6f0b4e');
  });

  it('puts requests no route matched in one series', async () => {
    const metrics = new MetricsService({ app: 'intake', queues: [] });
    respond(metrics, { originalUrl: '/nothing/here?surname=Hoxha' }, 404);
    const text = await metrics.render();
    expect(text).toContain('route="unmatched",method="GET",status_code="404"');
    expect(text).not.toContain('Hoxha');
  });
});
