import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '@app/auth';
import { PageController, PageRenderer, PageRoles, validateQuery, type FormBody } from '@app/web';
import { MergePersonsDto, UnmergeRecordDto } from '../persons/dto/merge-persons.dto';
import { IntakeServices } from './intake-services';
import { personView, type PersonTimeline } from './person-pages.presenter';

type PageRequest = Request & { principal: Principal };

/** A person's timeline across AIS and LCS, with merge and unmerge through the API's own review service. */
@PageController('persons')
@PageRoles('safeguarding_lead')
export class PersonPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
  ) {}

  @Get(':id')
  async show(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const person = (await this.services.persons.timeline(id, req.principal)) as PersonTimeline;
    this.pages.render(req, res, 'intake/person.njk', personView(person));
  }

  @Post(':id/merge')
  async merge(@Param('id', new ParseUUIDPipe()) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const body = await validateQuery(MergePersonsDto, { personId: form.personId, reason: form.reason });
    const outcome = await this.services.persons.merge(id, body.personId, req.principal, body.reason);
    req.session.flash = `Merged: ${outcome.moved} record${outcome.moved === 1 ? '' : 's'} moved into this person.`;
    res.redirect(303, `/persons/${id}`);
  }

  @Post(':id/unmerge')
  async unmerge(@Param('id', new ParseUUIDPipe()) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const body = await validateQuery(UnmergeRecordDto, { system: form.system, recordId: form.recordId, reason: form.reason });
    const outcome = await this.services.persons.unmerge(id, body.system, body.recordId, req.principal, body.reason);
    req.session.flash = `Taken out: ${body.system} record ${body.recordId} is now a person of its own (${outcome.personId}).`;
    res.redirect(303, `/persons/${id}`);
  }
}
