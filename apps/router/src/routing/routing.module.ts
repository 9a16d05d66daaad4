import { Module } from '@nestjs/common';
import { CaseSystemsModule } from '@app/case-systems';
import { CentralRepositoriesModule } from '@app/database';
import { RoutingQueueModule } from '@app/queues';
import { BirthdayScheduler } from './birthday.scheduler';
import { DeliveryService } from './delivery.service';
import { RoutingProcessor } from './routing.processor';
import { TransferService } from './transfer.service';

@Module({
  imports: [CentralRepositoriesModule, RoutingQueueModule.register(), CaseSystemsModule.forApp('router')],
  providers: [DeliveryService, TransferService, RoutingProcessor, BirthdayScheduler],
})
export class RoutingModule {}
