import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '@app/config';
import { QueueName } from './queues';

/**
 * The routing queue with its retry policy: exponential backoff from ROUTING_BACKOFF_MS over ROUTING_ATTEMPTS
 * attempts. Completed jobs are kept a day so that a job id re-added by a relay retry is recognised and not run
 * twice; failed ones a week, for diagnosis.
 */
@Module({})
export class RoutingQueueModule {
  static register(): DynamicModule {
    const queue = BullModule.registerQueueAsync({
      name: QueueName.Routing,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        defaultJobOptions: {
          attempts: config.get('ROUTING_ATTEMPTS', { infer: true }),
          backoff: { type: 'exponential', delay: config.get('ROUTING_BACKOFF_MS', { infer: true }) },
          removeOnComplete: { age: 24 * 3600, count: 100_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      }),
    });
    return { module: RoutingQueueModule, imports: [queue], exports: [queue] };
  }
}
