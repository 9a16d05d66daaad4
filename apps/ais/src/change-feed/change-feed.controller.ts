import { Roles } from '@app/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChangeFeedService } from './change-feed.service';
import { ChangeFeedPageResponse } from './dto/change-feed-page.response';
import { ChangeFeedQueryDto } from './dto/change-feed-query.dto';

@ApiTags('ChangeFeed')
@Roles('service')
@Controller('api/v2/ChangeFeed')
export class ChangeFeedController {
  constructor(private readonly feed: ChangeFeedService) {}

  /** Changes after the cursor, oldest first: every create, correction and transfer in. */
  @Get()
  @ApiOkResponse({ type: ChangeFeedPageResponse })
  read(@Query() query: ChangeFeedQueryDto): Promise<ChangeFeedPageResponse> {
    return this.feed.read(query.Since, query.Limit);
  }
}
