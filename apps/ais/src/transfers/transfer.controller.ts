import { Roles } from '@app/auth';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SafeguardingConcernResponse } from '../concerns/dto/safeguarding-concern.response';
import { CreateTransferDto } from './dto/create-transfer.dto';
import { TransferService } from './transfer.service';

@ApiTags('Transfers')
@Roles('service')
@Controller('api/v2/Transfers')
export class TransferController {
  constructor(private readonly transfers: TransferService) {}

  /** 201 with the new adult concern; 200 with the same concern when this LCS record was transferred before. */
  @Post()
  @ApiOkResponse({ type: SafeguardingConcernResponse })
  async create(@Body() dto: CreateTransferDto, @Res({ passthrough: true }) response: Response): Promise<SafeguardingConcernResponse> {
    const { concern, created } = await this.transfers.transferIn(dto);
    response.status(created ? 201 : 200);
    return concern;
  }
}
