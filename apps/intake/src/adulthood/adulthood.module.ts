import { Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { ReferralsModule } from '../referrals/referrals.module';
import { AdulthoodController } from './adulthood.controller';
import { AdulthoodService } from './adulthood.service';

/** The approaching-adulthood worklist and the transition steps recorded on a referral. */
@Module({
  imports: [CentralRepositoriesModule, ReferralsModule],
  controllers: [AdulthoodController],
  providers: [AdulthoodService],
  exports: [AdulthoodService],
})
export class AdulthoodModule {}
