import { Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { DecisionController } from './decision.controller';
import { DecisionService } from './decision.service';

@Module({
  imports: [CentralRepositoriesModule],
  controllers: [DecisionController],
  providers: [DecisionService],
  exports: [DecisionService],
})
export class DecisionsModule {}
