import { Module } from '@nestjs/common';
import { ChangeFeedModule } from '../change-feed/change-feed.module';
import { PersonRegisterRepository } from '../register/person-register.repository';
import { TransferController } from '../transfers/transfer.controller';
import { TransferService } from '../transfers/transfer.service';
import { SafeguardingConcernController } from './safeguarding-concern.controller';
import { SafeguardingConcernRepository } from './safeguarding-concern.repository';
import { SafeguardingConcernService } from './safeguarding-concern.service';

/** Concerns and the transfers that open them, over one repository and the person register. */
@Module({
  imports: [ChangeFeedModule],
  controllers: [SafeguardingConcernController, TransferController],
  providers: [SafeguardingConcernRepository, PersonRegisterRepository, SafeguardingConcernService, TransferService],
})
export class ConcernsModule {}
