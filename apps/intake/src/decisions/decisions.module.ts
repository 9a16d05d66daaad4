import { Module } from '@nestjs/common';
import { DecisionRepository } from '@app/database';
import { DecisionController } from './decision.controller';
import { DecisionService } from './decision.service';

@Module({
  controllers: [DecisionController],
  providers: [DecisionRepository, DecisionService],
})
export class DecisionsModule {}
