import { Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { DataQualityController } from './data-quality.controller';
import { EpisodeController } from './episode.controller';
import { EpisodeService } from './episode.service';

@Module({
  imports: [CentralRepositoriesModule],
  controllers: [EpisodeController, DataQualityController],
  providers: [EpisodeService],
  exports: [EpisodeService],
})
export class EpisodesModule {}
