import { Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { NrmWorklistService } from './nrm-worklist.service';
import { NrmWorklistsController } from './nrm-worklists.controller';

/** Worklists of NRM cases after referral (the Home Office submission worklist lives with the submission). */
@Module({
  imports: [CentralRepositoriesModule],
  controllers: [NrmWorklistsController],
  providers: [NrmWorklistService],
  exports: [NrmWorklistService],
})
export class WorklistsModule {}
