import { Injectable, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { Environment } from '@app/config';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** Counts per signed-in caller (the token's subject), falling back to the client address. */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = req.principal as { sub?: string } | undefined;
    return principal?.sub ? `sub:${principal.sub}` : `ip:${String(req.ip)}`;
  }
}

@Module({ providers: [RedisThrottlerStorage], exports: [RedisThrottlerStorage] })
class ThrottlerStorageModule {}

/** Rate limits with counters in Redis (THROTTLE_LIMIT per THROTTLE_TTL_MS); apply with @UseGuards(CallerThrottlerGuard). */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [ConfigService, RedisThrottlerStorage],
      useFactory: (config: ConfigService<Environment, true>, storage: RedisThrottlerStorage) => ({
        throttlers: [{ name: 'caller', ttl: config.get('THROTTLE_TTL_MS', { infer: true }), limit: config.get('THROTTLE_LIMIT', { infer: true }) }],
        storage,
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class ThrottlingModule {}
