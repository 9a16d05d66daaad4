import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import type { CaseSystem } from '@app/domain';
import { JoinEpisodeDto, SplitEpisodeDto } from './dto/join-episode.dto';
import type { DirectEntryView } from './episode.presenter';
import { EpisodeService } from './episode.service';

enum System {
  AIS = 'AIS',
  LCS = 'LCS',
}

@ApiTags('episodes')
@ApiBearerAuth()
@Controller('v1/episodes/:system/:recordId')
export class EpisodeController {
  constructor(private readonly episodes: EpisodeService) {}

  @Get()
  @Roles('safeguarding_lead')
  @ApiOperation({ summary: 'A record a practitioner entered directly in AIS or LCS, and the referral episode it counts in, with the rule and reason' })
  get(@Param('system', new ParseEnumPipe(System)) system: CaseSystem, @Param('recordId') recordId: string): Promise<DirectEntryView> {
    return this.episodes.get(system, recordId);
  }

  @Post('split')
  @HttpCode(200)
  @Roles('safeguarding_lead')
  @ApiOperation({ summary: 'Count the entry as a referral of its own (audited; the rules never join it again)' })
  @ApiBody({ type: SplitEpisodeDto })
  split(
    @Param('system', new ParseEnumPipe(System)) system: CaseSystem,
    @Param('recordId') recordId: string,
    @Body() body: SplitEpisodeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DirectEntryView> {
    return this.episodes.split(system, recordId, body.reason, principal);
  }

  @Post('join')
  @HttpCode(200)
  @Roles('safeguarding_lead')
  @ApiOperation({ summary: "Count the entry as the same referral as a hub referral's or another entry's episode (audited; the rules never move it)" })
  @ApiBody({ type: JoinEpisodeDto })
  join(
    @Param('system', new ParseEnumPipe(System)) system: CaseSystem,
    @Param('recordId') recordId: string,
    @Body() body: JoinEpisodeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DirectEntryView> {
    return this.episodes.join(system, recordId, body, principal);
  }
}
