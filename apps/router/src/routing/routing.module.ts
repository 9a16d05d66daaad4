import { Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { RoutingQueueModule } from '@app/queues';
import { BirthdayScheduler } from './birthday.scheduler';
import { CaseSystemClients } from './case-system.clients';
import { DeliveryService } from './delivery.service';
import { RoutingProcessor } from './routing.processor';
import { TransferService } from './transfer.service';

@Module({
  imports: [CentralRepositoriesModule, RoutingQueueModule.register()],
  providers: [CaseSystemClients, DeliveryService, TransferService, RoutingProcessor, BirthdayScheduler],
})
export class RoutingModule {}
