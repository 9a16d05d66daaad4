import { Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { HomeOfficeSubmissionController } from './home-office-submission.controller';
import { HomeOfficeSubmissionService } from './home-office-submission.service';
import { NotSubmittedController } from './not-submitted.controller';

@Module({
  imports: [CentralRepositoriesModule],
  controllers: [HomeOfficeSubmissionController, NotSubmittedController],
  providers: [HomeOfficeSubmissionService],
  exports: [HomeOfficeSubmissionService],
})
export class HomeOfficeModule {}
