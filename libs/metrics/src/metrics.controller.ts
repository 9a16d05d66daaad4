import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@app/auth';
import { NoThrottle } from '@app/common';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrape endpoint. Public like /health so a scraper needs no token: it must be reachable only inside
 * the cluster (the ingress does not route /metrics).
 */
@ApiExcludeController()
@Public()
@NoThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() res: Response): Promise<void> {
    const body = await this.metrics.render();
    res.type(this.metrics.contentType).send(body);
  }
}
