import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import type { DataQualityView } from './episode.presenter';
import { EpisodeService } from './episode.service';

@ApiTags('episodes')
@ApiBearerAuth()
@Controller('v1/data-quality')
export class DataQualityController {
  constructor(private readonly episodes: EpisodeService) {}

  @Get()
  @Roles('safeguarding_lead')
  @ApiOperation({
    summary:
      'What to check before trusting the figures: direct entries with no NRM/DtN kind, entries joined by the window rule or decided by the lead, records not yet linked, "not sure" ages not yet assessed',
  })
  get(): Promise<DataQualityView> {
    return this.episodes.dataQuality();
  }
}
