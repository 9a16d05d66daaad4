import { Module } from '@nestjs/common';
import { CaseSystemsModule } from '@app/case-systems';
import { CentralRepositoriesModule } from '@app/database';
import { RoutingQueueModule } from '@app/queues';
import { RetentionService } from '../retention/retention.service';
import { RoutingScheduler } from './routing.scheduler';
import { DeliveryService } from './delivery.service';
import { RoutingProcessor } from './routing.processor';
import { RoutingReconciler } from './routing.reconciler';
import { TransferService } from './transfer.service';
import { AdulthoodReminderService } from './adulthood-reminder.service';

@Module({
  imports: [CentralRepositoriesModule, RoutingQueueModule.register(), CaseSystemsModule.forApp('router')],
  providers: [RetentionService, DeliveryService, TransferService, AdulthoodReminderService, RoutingReconciler, RoutingProcessor, RoutingScheduler],
})
export class RoutingModule {}
