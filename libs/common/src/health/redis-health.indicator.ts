import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import type { Environment } from '@app/config';
import { failFastRedis } from '../redis';

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    config: ConfigService<Environment, true>,
    private readonly indicators: HealthIndicatorService,
  ) {
    // Readiness must answer at once when Redis is away, not queue the PING.
    this.client = failFastRedis(config.get('REDIS_URL', { infer: true }), { lazyConnect: true });
  }

  async pingCheck(key: string, timeoutMs = 1000) {
    const indicator = this.indicators.check(key);
    try {
      if (this.client.status === 'wait') await this.client.connect();
      await Promise.race([this.client.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref())]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
