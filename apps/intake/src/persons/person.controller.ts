import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/auth';
import { AuditService } from '@app/audit';
import { NotFoundError, UuidParamPipe } from '@app/common';
import { SubjectAccessRepository } from '@app/database';
import { ListReviewsQuery } from './dto/list-reviews.query';
import { MergePersonsDto, UnmergeRecordDto } from './dto/merge-persons.dto';
import { ReviewDecisionDto } from './dto/review-decision.dto';
import type { RecordView, ReviewView } from './person.presenter';
import { PersonReviewService } from './person-review.service';
import { withholdFreeTextColumns, withholdThirdParties } from './subject-access';

@ApiTags('persons')
@ApiBearerAuth()
@Roles('safeguarding_lead')
@Controller('v1')
export class PersonController {
  constructor(
    private readonly persons: PersonReviewService,
    private readonly audit: AuditService,
    private readonly subjectAccess: SubjectAccessRepository,
  ) {}

  @Get('reviews')
  @ApiOperation({ summary: "Possible matches side by side, with every field's comparison level and weight" })
  async reviews(
    @Query() query: ListReviewsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: ReviewView[]; page: number; pageSize: number; total: number }> {
    const result = await this.persons.listReviews(query.status, query.page, query.pageSize);
    await this.audit.record(principal, 'review.list', null, { purpose: 'linkage review', details: { items: result.items.map((i) => i.id) } });
    return result;
  }

  @Post('reviews/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide a possible match: the same person, or not' })
  decide(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReviewDecisionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ id: string; decision: string; personId: string | null }> {
    return this.persons.decide(id, body.decision, principal, body.reason);
  }

  @Get('persons/:id')
  @ApiOperation({ summary: "A person's records across AIS and LCS, referrals, transitions and link history" })
  person(@Param('id', UuidParamPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<unknown> {
    return this.persons.timeline(id, principal);
  }

  @Get('persons/:id/export')
  @ApiOperation({ summary: 'Subject access export: everything held centrally about one person, as a JSON download' })
  async export(@Param('id', UuidParamPipe) id: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const person = await this.persons.timeline(id, principal);
    if ((person as { mergedInto: string | null }).mergedInto) throw new NotFoundError('person (merged)', id);
    const held = await this.subjectAccess.collect(id);
    await this.audit.record(principal, 'person.subject_access_export', { type: 'person', id }, { purpose: 'subject access request' });
    res.setHeader('Content-Disposition', `attachment; filename="subject-access-${id}.json"`);
    // Other people's data in the referrals (the first responder's and the council contact's details, the narrative)
    // is withheld, and `withheld` says what and why.
    const { referrals, withheld } = withholdThirdParties(held.referrals as Array<Record<string, unknown>>);
    const others = withholdFreeTextColumns(held);
    return {
      personId: id,
      exportedAt: new Date().toISOString(),
      exportedBy: principal.sub,
      ...others.held,
      referrals,
      withheld: [...withheld, ...others.withheld],
    };
  }

  @Post('persons/:id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge another person into this one' })
  merge(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: MergePersonsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ personId: string; moved: number }> {
    return this.persons.merge(id, body.personId, principal, body.reason);
  }

  @Post('persons/:id/unmerge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a record out of this person into a person of its own' })
  unmerge(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UnmergeRecordDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ personId: string; record: RecordView }> {
    return this.persons.unmerge(id, body.system, body.recordId, principal, body.reason);
  }
}
