import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '@app/config';
import { redisOptionsFromUrl } from '@app/common';

/** The BullMQ connection, from REDIS_URL, with the configured key prefix. */
@Module({})
export class QueueConnectionModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueConnectionModule,
      imports: [
        BullModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => ({
            connection: redisOptionsFromUrl(config.get('REDIS_URL', { infer: true })),
            prefix: config.get('QUEUE_PREFIX', { infer: true }),
          }),
        }),
      ],
      exports: [BullModule],
    };
  }
}
