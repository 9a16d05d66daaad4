import { Roles } from '@app/auth';
import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AmendSafeguardingConcernDto } from './dto/amend-safeguarding-concern.dto';
import { ConcernBatchQueryDto, SafeguardingConcernBatchResponse } from './dto/concern-batch.dto';
import { CreateSafeguardingConcernDto } from './dto/create-safeguarding-concern.dto';
import { SafeguardingConcernResponse } from './dto/safeguarding-concern.response';
import { SafeguardingConcernService } from './safeguarding-concern.service';

@ApiTags('SafeguardingConcerns')
@Roles('service')
@Controller('api/v2/SafeguardingConcerns')
export class SafeguardingConcernController {
  constructor(private readonly concerns: SafeguardingConcernService) {}

  /** 201 with a new concern; 200 with the same concern when the ClientReference was seen before. */
  @Post()
  @ApiOkResponse({ type: SafeguardingConcernResponse })
  async create(@Body() dto: CreateSafeguardingConcernDto, @Res({ passthrough: true }) response: Response): Promise<SafeguardingConcernResponse> {
    const { concern, created } = await this.concerns.create(dto);
    response.status(created ? 201 : 200);
    return concern;
  }

  /** Several concerns in one request (at most 200), in the order asked; ids not found are left out. */
  @Get()
  @ApiOkResponse({ type: SafeguardingConcernBatchResponse })
  async getMany(@Query() query: ConcernBatchQueryDto): Promise<SafeguardingConcernBatchResponse> {
    return { Concerns: await this.concerns.getMany(query.ConcernIds.split(',')) };
  }

  @Get(':ConcernId')
  @ApiOkResponse({ type: SafeguardingConcernResponse })
  get(@Param('ConcernId') concernId: string): Promise<SafeguardingConcernResponse> {
    return this.concerns.get(concernId);
  }

  /** A practitioner corrects the subject's details or closes the concern. */
  @Patch(':ConcernId')
  @ApiOkResponse({ type: SafeguardingConcernResponse })
  amend(@Param('ConcernId') concernId: string, @Body() dto: AmendSafeguardingConcernDto): Promise<SafeguardingConcernResponse> {
    return this.concerns.amend(concernId, dto);
  }
}
