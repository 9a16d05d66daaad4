import { Roles } from '@app/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { FeedPageResponse } from './dto/feed-page.response';
import { FeedQueryDto } from './dto/feed-query.dto';
import { FeedService } from './feed.service';

@ApiTags('feed')
@Roles('service')
@Controller('lcs/api/feed')
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  /** Entries after the cursor, oldest first: every contact created, corrected or transferred. */
  @Get()
  @ApiOkResponse({ type: FeedPageResponse })
  read(@Query() query: FeedQueryDto): Promise<FeedPageResponse> {
    return this.feed.read(query.after, query.limit);
  }
}
