import { Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { SupportController } from './support.controller';
import { SupportService } from './support.service';

/** Onward support after referral and the people around the victim (children's services prompts). */
@Module({
  imports: [CentralRepositoriesModule],
  controllers: [SupportController],
  providers: [SupportService],
  exports: [SupportService],
})
export class SupportModule {}
