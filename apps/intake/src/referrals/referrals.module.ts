import { Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { RoutingQueueModule } from '@app/queues';
import { OutboxRelay } from '../outbox/outbox.relay';
import { ReferralController } from './referral.controller';
import { ReferralService } from './referral.service';

@Module({
  imports: [CentralRepositoriesModule, RoutingQueueModule.register()],
  controllers: [ReferralController],
  providers: [ReferralService, OutboxRelay],
  // One relay per app: the transition steps kick the same one. The pages use the API's own referral service.
  exports: [ReferralService, OutboxRelay],
})
export class ReferralsModule {}
