import { Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { PersonController } from './person.controller';
import { PersonReviewService } from './person-review.service';

@Module({ imports: [CentralRepositoriesModule], controllers: [PersonController], providers: [PersonReviewService], exports: [PersonReviewService] })
export class PersonsModule {}
