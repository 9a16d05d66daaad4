import { Module } from '@nestjs/common';
import { CentralRepositoriesModule } from '@app/database';
import { EpisodeController } from './episode.controller';
import { EpisodeService } from './episode.service';

@Module({
  imports: [CentralRepositoriesModule],
  controllers: [EpisodeController],
  providers: [EpisodeService],
  exports: [EpisodeService],
})
export class EpisodesModule {}
