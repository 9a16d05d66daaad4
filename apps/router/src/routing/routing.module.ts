import { Module } from '@nestjs/common';
import { CaseSystemsModule } from '@app/case-systems';
import { CentralRepositoriesModule } from '@app/database';
import { RoutingQueueModule } from '@app/queues';
import { RetentionService } from '../retention/retention.service';
import { BirthdayScheduler } from './birthday.scheduler';
import { DeliveryService } from './delivery.service';
import { RoutingProcessor } from './routing.processor';
import { TransferService } from './transfer.service';

@Module({
  imports: [CentralRepositoriesModule, RoutingQueueModule.register(), CaseSystemsModule.forApp('router')],
  providers: [RetentionService, DeliveryService, TransferService, RoutingProcessor, BirthdayScheduler],
})
export class RoutingModule {}
