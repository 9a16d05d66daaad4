import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';

/**
 * Times every request and labels it with the route template Express matched (`/v1/referrals/:id`), never the raw
 * URL, which carries ids and query filters. Requests no route matched are one series, `unmatched`.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.httpRequestDuration.startTimer();
    res.once('finish', () => {
      const template: unknown = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof template === 'string' ? `${req.baseUrl}${template}` : 'unmatched';
      end({ route, method: req.method, status_code: String(res.statusCode) });
    });
    next();
  }
}
