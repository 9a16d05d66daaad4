import { Body, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '@app/auth';
import { InvalidRequestError, UnprocessableError } from '@app/common';
import type { CaseSystem, FieldViolation } from '@app/domain';
import { formErrors, PageController, PageRenderer, PageRoles, RefusedForms, textField, validateQuery, type FormBody } from '@app/web';
import { JoinEpisodeDto, SplitEpisodeDto } from '../episodes/dto/join-episode.dto';
import { IntakeServices } from './intake-services';
import { JOIN_FIELDS, joinChoice, joinFieldOf, joinMessage, joinView, returnPage, SPLIT_FIELDS, splitMessage, splitView } from './episode-pages.presenter';

type PageRequest = Request & { principal: Principal };

/** A direct entry's address: AIS or LCS and a case-system record id (the API's own rule for one). */
const RECORD_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The safeguarding lead's split and join of referral episodes (docs/referral-episodes.md, "The lead decides last"),
 * offered from the data-quality page: each a page that shows the record and what it is counted with, and a form
 * posted to the API's own DTO and service, which write the decision and its audit row in one transaction.
 * Post/redirect/get both ways: a refusal goes back to the form's page with what was typed, a decision to the
 * data-quality page with a banner saying what changed in the figures.
 */
@PageController('episodes')
@PageRoles('safeguarding_lead')
export class EpisodePagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
    private readonly refused: RefusedForms,
  ) {}

  @Get(':system/:recordId/split')
  async showSplit(
    @Param('system') system: string,
    @Param('recordId') recordId: string,
    @Query('back') back: unknown,
    @Req() req: PageRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.show('split', system, recordId, back, req, res);
  }

  @Post(':system/:recordId/split')
  async split(
    @Param('system') system: string,
    @Param('recordId') recordId: string,
    @Body() form: FormBody,
    @Req() req: PageRequest,
    @Res() res: Response,
  ): Promise<void> {
    const entry = entryAddress(system, recordId);
    try {
      const body = await validateQuery(SplitEpisodeDto, { reason: textField(form, 'reason') });
      // Read first only to say what changed: the split itself is the API's, in its own transaction.
      const before = await this.services.episodes.get(entry.system, entry.recordId);
      await this.services.episodes.split(entry.system, entry.recordId, body.reason, req.principal);
      req.session.flash = splitMessage(before);
      res.redirect(303, returnPage(textField(form, 'back'), before.personId));
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      // Post/redirect/get: the split page shows what to put right, with what was typed.
      this.refused.redirect(req, res, pageOf(entry, 'split', form), { name: 'episodeSplit', form, errors: formErrors(error.errors, SPLIT_FIELDS) });
    }
  }

  @Get(':system/:recordId/join')
  async showJoin(
    @Param('system') system: string,
    @Param('recordId') recordId: string,
    @Query('back') back: unknown,
    @Req() req: PageRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.show('join', system, recordId, back, req, res);
  }

  @Post(':system/:recordId/join')
  async join(
    @Param('system') system: string,
    @Param('recordId') recordId: string,
    @Body() form: FormBody,
    @Req() req: PageRequest,
    @Res() res: Response,
  ): Promise<void> {
    const entry = entryAddress(system, recordId);
    const choice = joinChoice(form);
    try {
      const refusals: FieldViolation[] = [...choice.missing];
      let target = choice.target;
      if (choice.reference !== undefined) {
        // A lead names another hub referral by the reference on its page; the API takes its id.
        const referral = await this.services.episodes.referralByReference(choice.reference);
        if (referral?.referralId) target = { referralId: referral.referralId };
        else refusals.push({ path: 'otherReference', message: 'no referral has this reference' });
      }
      const body = await validateQuery(JoinEpisodeDto, { ...target, reason: textField(form, 'reason') }, refusals);
      if (refusals.length > 0) throw new InvalidRequestError(refusals);
      const before = await this.services.episodes.get(entry.system, entry.recordId);
      const after = await this.services.episodes.join(entry.system, entry.recordId, body, req.principal);
      const joined = after.joined ? await this.services.episodes.episodeJoined(after.joined) : null;
      req.session.flash = joinMessage(before, after, joined);
      res.redirect(303, returnPage(textField(form, 'back'), before.personId));
    } catch (error) {
      const violations = refusalsOf(error);
      if (!violations) throw error;
      // Each of the API's paths named by the field the form asked it with; then post/redirect/get.
      const named = violations.map((v) => (v.path in JOIN_FIELDS ? v : { ...v, path: joinFieldOf(choice.asked, v.path) }));
      this.refused.redirect(req, res, pageOf(entry, 'join', form), { name: 'episodeJoin', form, errors: formErrors(named, JOIN_FIELDS) });
    }
  }

  /** A split or join page: the entry and its choices, and a refusal of a moment ago shown once (400). */
  private async show(kind: 'split' | 'join', system: string, recordId: string, back: unknown, req: PageRequest, res: Response): Promise<void> {
    const entry = entryAddress(system, recordId);
    const refused = this.refused.take(req);
    const failed = refused?.name === (kind === 'split' ? 'episodeSplit' : 'episodeJoin') ? refused : undefined;
    const choices = await this.services.episodes.choices(entry.system, entry.recordId);
    const view = (kind === 'split' ? splitView : joinView)(choices, failed?.form, failed?.errors, back);
    this.pages.render(req, res, `intake/episode-${kind}.njk`, view, failed ? 400 : 200);
  }
}

/** The entry an address names; any other address is a page that does not exist, as a malformed id is elsewhere. */
function entryAddress(system: string, recordId: string): { system: CaseSystem; recordId: string } {
  if ((system !== 'AIS' && system !== 'LCS') || !RECORD_ID.test(recordId)) throw new NotFoundException();
  return { system, recordId };
}

function pageOf(entry: { system: CaseSystem; recordId: string }, action: 'split' | 'join', form: FormBody): string {
  return `/episodes/${entry.system}/${entry.recordId}/${action}${textField(form, 'back') === 'person' ? '?back=person' : ''}`;
}

/** The API's 400s as they are; its 422 (the episode named cannot be joined) against the choice. */
function refusalsOf(error: unknown): FieldViolation[] | undefined {
  if (error instanceof InvalidRequestError) return error.errors;
  if (error instanceof UnprocessableError) return [{ path: 'referralId', message: error.message }];
  return undefined;
}
