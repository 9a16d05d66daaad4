import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CaseSystemsModule } from '@app/case-systems';
import { CentralRepositoriesModule } from '@app/database';
import { QueueName } from '@app/queues';
import { BacklogLinker } from './backlog-linker';
import { FeedPollLoop } from './feed-poll.loop';
import { FeedPoller } from './feed.poller';
import { LinkingProcessor } from './linking.processor';
import { LinkingReconciler } from './linking.reconciler';
import { LinkingService } from './linking.service';
import { ModelTrainer } from './model-trainer.service';
import { PersonIndexCache } from './person-index.cache';

@Module({
  imports: [
    CentralRepositoriesModule,
    CaseSystemsModule.forApp('deduplicator'),
    BullModule.registerQueue({
      name: QueueName.Linking,
      defaultJobOptions: {
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
        // Kept a day for diagnosis; a change is enqueued once by the feed's record of it (central.feed_changes).
        removeOnComplete: { age: 24 * 3600, count: 200_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    }),
  ],
  providers: [PersonIndexCache, LinkingService, FeedPoller, FeedPollLoop, ModelTrainer, LinkingReconciler, BacklogLinker, LinkingProcessor],
})
export class LinkingModule {}
