import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { UuidParamPipe } from '@app/common';
import type { Request, Response } from 'express';
import type { Principal } from '@app/auth';
import { formErrors, PageController, PageRenderer, PageRoles, RefusedForms, textField, validateQuery, type FieldDescription, type FormBody } from '@app/web';
import { MergePersonsDto, UnmergeRecordDto } from '../persons/dto/merge-persons.dto';
import { IntakeServices } from './intake-services';
import { foundPersonView, personSearch, personTitle, personView, type PersonTimeline } from './person-pages.presenter';

type PageRequest = Request & { principal: Principal };

const REASON_FIELD: Record<string, FieldDescription> = {
  reason: { target: 'reason', label: 'Why', missing: 'Enter why, for the link history' },
};

const REASON_MISSING = () => formErrors([{ path: 'reason', message: 'reason should not be empty' }], REASON_FIELD);

/**
 * A person's timeline across AIS and LCS, with merge and unmerge through the API's own review service. A merge
 * starts from a search by name, date of birth or reference; merge and unmerge each have a confirmation page that
 * asks why, and the reason goes into the link history.
 */
@PageController('persons')
@PageRoles('safeguarding_lead')
export class PersonPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
    private readonly refused: RefusedForms,
  ) {}

  @Get(':id')
  async show(@Param('id', UuidParamPipe) id: string, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const person = await this.timeline(id, req);
    this.pages.render(req, res, 'intake/person.njk', personView(person, await this.services.episodes.directEntriesOfPerson(person.id)));
  }

  /** Find the person to merge into this one. */
  @Get(':id/merge')
  async findToMerge(@Param('id', UuidParamPipe) id: string, @Query('q') q: unknown, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const person = await this.timeline(id, req);
    const typed = typeof q === 'string' ? q : '';
    const search = personSearch(typed);
    const found = search ? await this.services.persons.searchPersons(search, id, req.principal) : undefined;
    this.pages.render(req, res, 'intake/person-merge-search.njk', {
      title: `Find a person to merge into ${personTitle(person.records)}`,
      pageTitle: 'Find a person to merge',
      backLink: `/persons/${id}`,
      person: personView(person),
      q: typed,
      searched: search !== undefined,
      found: found?.map(foundPersonView),
    });
  }

  /** "Merge these persons?": both persons side by side, and why. */
  @Get(':id/merge/:otherId')
  async confirmMerge(
    @Param('id', UuidParamPipe) id: string,
    @Param('otherId', UuidParamPipe) otherId: string,
    @Req() req: PageRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderMergeConfirmation(req, res, id, otherId);
  }

  @Post(':id/merge')
  async merge(@Param('id', UuidParamPipe) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const body = await validateQuery(MergePersonsDto, { personId: form.personId, reason: form.reason });
    if (!body.reason?.trim()) {
      // Post/redirect/get: the confirmation page asks again.
      this.refused.redirect(req, res, `/persons/${id}/merge/${body.personId}`, { name: 'merge', form, errors: REASON_MISSING() });
      return;
    }
    const outcome = await this.services.persons.merge(id, body.personId, req.principal, body.reason.trim());
    req.session.flash = `Merged: ${outcome.moved} record${outcome.moved === 1 ? '' : 's'} moved into this person.`;
    res.redirect(303, `/persons/${id}`);
  }

  /** "Take this record out?": the record, what happens, and why. */
  @Get(':id/unmerge/:system/:recordId')
  async confirmUnmerge(
    @Param('id', UuidParamPipe) id: string,
    @Param('system') system: string,
    @Param('recordId') recordId: string,
    @Req() req: PageRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderUnmergeConfirmation(req, res, id, system, recordId);
  }

  @Post(':id/unmerge')
  async unmerge(@Param('id', UuidParamPipe) id: string, @Body() form: FormBody, @Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const body = await validateQuery(UnmergeRecordDto, { system: form.system, recordId: form.recordId, reason: form.reason });
    if (!body.reason?.trim()) {
      // Post/redirect/get: the confirmation page asks again.
      const page = `/persons/${id}/unmerge/${encodeURIComponent(body.system)}/${encodeURIComponent(body.recordId)}`;
      this.refused.redirect(req, res, page, { name: 'unmerge', form, errors: REASON_MISSING() });
      return;
    }
    await this.services.persons.unmerge(id, body.system, body.recordId, req.principal, body.reason.trim());
    req.session.flash = `Taken out: ${body.system} record ${body.recordId} is now a person of its own.`;
    res.redirect(303, `/persons/${id}`);
  }

  private async timeline(id: string, req: PageRequest): Promise<PersonTimeline> {
    return this.services.persons.timeline(id, req.principal);
  }

  private async renderMergeConfirmation(req: PageRequest, res: Response, id: string, otherId: string): Promise<void> {
    const refused = this.refused.take(req);
    const failed = refused?.name === 'merge' ? refused : undefined;
    const [into, from] = await Promise.all([this.timeline(id, req), this.timeline(otherId, req)]);
    this.pages.render(
      req,
      res,
      'intake/person-merge-confirm.njk',
      {
        title: 'Merge these persons?',
        backLink: `/persons/${id}/merge`,
        into: personView(into),
        from: personView(from),
        errors: failed?.errors,
        reason: failed ? textField(failed.form, 'reason') : undefined,
      },
      failed ? 400 : 200,
    );
  }

  private async renderUnmergeConfirmation(req: PageRequest, res: Response, id: string, system: string, recordId: string): Promise<void> {
    const refused = this.refused.take(req);
    const failed = refused?.name === 'unmerge' ? refused : undefined;
    const person = await this.timeline(id, req);
    const view = personView(person);
    const record = (view.records as Array<{ system: string; recordId: string }>).find((r) => r.system === system && r.recordId === recordId);
    if (!record) {
      res.redirect(303, `/persons/${id}`);
      return;
    }
    this.pages.render(
      req,
      res,
      'intake/person-unmerge-confirm.njk',
      {
        title: `Take ${system} record ${recordId} out of this person?`,
        pageTitle: 'Take a record out of a person',
        backLink: `/persons/${id}`,
        person: view,
        record,
        errors: failed?.errors,
        reason: failed ? textField(failed.form, 'reason') : undefined,
      },
      failed ? 400 : 200,
    );
  }
}
