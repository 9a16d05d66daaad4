import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { UuidParamPipe } from '@app/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@app/audit';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { CloseChildrenPromptDto, ListChildrenPromptsQuery, RecordCircumstancesDto, RecordSupportReferralDto } from './dto/support.dto';
import { ChildrenPromptView, SupportService, SupportView } from './support.service';

@ApiTags('support')
@ApiBearerAuth()
@Controller('v1')
@Roles('safeguarding_lead')
export class SupportController {
  constructor(
    private readonly support: SupportService,
    private readonly audit: AuditService,
  ) {}

  @Get('referrals/:id/support')
  @ApiOperation({ summary: "The person's circumstances, referrals to support services, and children's services prompts; audited" })
  async get(@Param('id', UuidParamPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<SupportView> {
    const view = await this.support.get(id);
    // Where the person and their children are now: a read of personal data like any other.
    await this.audit.record(principal, 'referral.support.read', { type: 'referral', id }, { purpose: 'casework' });
    return view;
  }

  @Post('referrals/:id/circumstances')
  @ApiOperation({
    summary: 'Record whether the person wants support, their children, where they are now, and why an adult declined the NRM',
    description: "Replaces the answers before; audited. hasChildren yes on an adult's referral raises a children's services prompt (one open at a time).",
  })
  recordCircumstances(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RecordCircumstancesDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SupportView> {
    return this.support.recordCircumstances(id, body, principal);
  }

  @Post('referrals/:id/support-referrals')
  @ApiOperation({ summary: 'Record a referral to a support service (MSVCC, the local service, an ICTG for a child): when and to whom; audited' })
  recordSupportReferral(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RecordSupportReferralDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SupportView> {
    return this.support.recordSupportReferral(id, body, principal);
  }

  @Get('children-prompts')
  @ApiOperation({ summary: "Children's services prompts raised by adults' referrals with children, open (default) or closed; audited" })
  listPrompts(@Query() query: ListChildrenPromptsQuery, @CurrentPrincipal() principal: Principal): Promise<ChildrenPromptView[]> {
    return this.support.listPrompts(query.status, principal);
  }

  @Post('children-prompts/:id/close')
  @ApiOperation({ summary: "Close a children's services prompt with a note of what was done; audited" })
  closePrompt(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: CloseChildrenPromptDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ChildrenPromptView> {
    return this.support.closePrompt(id, body, principal);
  }
}
