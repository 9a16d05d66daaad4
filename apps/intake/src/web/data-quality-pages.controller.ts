import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '@app/auth';
import { PageController, PageRenderer, PageRoles } from '@app/web';
import type { DirectEntryView } from '../episodes/episode.presenter';
import { IntakeServices } from './intake-services';

type PageRequest = Request & { principal: Principal };

const RULE_NAMES: Readonly<Record<string, string>> = {
  same_reference: 'Same Home Office reference',
  window: 'Same person within the window',
  lead: 'Joined by the safeguarding lead',
};

/** The episode an entry was joined to: a referral made here, or a record in a case system. */
function episodeJoined(joined: NonNullable<DirectEntryView['joined']>): { href?: string; text: string } | null {
  if (joined.referralId) return { href: `/referrals/${joined.referralId}`, text: `Referral Hub referral ${joined.reference ?? ''}`.trim() };
  if (joined.system && joined.recordId) return { text: `${joined.system} ${joined.recordId}` };
  return null;
}

/**
 * The lead's data-quality page: the API's own reading, as tables, each direct entry with its Split and Join
 * (EpisodePagesController), which come back here with a banner saying what changed.
 */
@PageController('data-quality')
@PageRoles('safeguarding_lead')
export class DataQualityPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly services: IntakeServices,
  ) {}

  @Get()
  async show(@Req() req: PageRequest, @Res() res: Response): Promise<void> {
    const quality = await this.services.episodes.dataQuality();
    this.pages.render(req, res, 'intake/data-quality.njk', {
      title: 'Data quality',
      quality,
      withoutKindRows: quality.withoutKind.items.map((e) => ({ ...e, episode: e.joined ? episodeJoined(e.joined) : null })),
      windowRows: quality.windowOrLead.items.map((e) => ({
        ...e,
        decision: e.leadDecision
          ? e.leadDecision.decision === 'split'
            ? 'Split by the lead'
            : 'Joined by the lead'
          : (RULE_NAMES[e.joined?.rule ?? ''] ?? ''),
        episode: e.joined ? episodeJoined(e.joined) : null,
        // The rule's reason for a join, or the lead's own for their split or join.
        why: e.leadDecision?.reason ?? e.joined?.reason ?? '',
      })),
    });
  }
}
