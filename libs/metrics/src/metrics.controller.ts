import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@app/auth';
import { NoThrottle } from '@app/common';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrape endpoint of an HTTP app. Behind the admin (or service) role: the figures say how busy each route
 * is, which is nobody else's business, so a scraper presents a bearer token (Prometheus `authorization` in its scrape
 * config). The workers, which have no other HTTP, serve theirs on a port of their own instead (metrics.server.ts).
 */
@ApiExcludeController()
@Roles('admin', 'service')
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
