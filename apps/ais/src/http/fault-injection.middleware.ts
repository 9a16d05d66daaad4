import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { FaultInjectionService } from '@app/common';

/** Applied to the API controllers only, so health checks are never slowed or failed. */
@Injectable()
export class FaultInjectionMiddleware implements NestMiddleware {
  constructor(private readonly faults: FaultInjectionService) {}

  async use(_request: Request, response: Response, next: NextFunction): Promise<void> {
    await this.faults.delay();
    if (this.faults.shouldFail()) {
      response.status(503).set('Retry-After', '1').json({ Message: 'The service is temporarily unavailable.' });
      return;
    }
    next();
  }
}
