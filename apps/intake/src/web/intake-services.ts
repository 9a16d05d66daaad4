import { Injectable } from '@nestjs/common';
import { AdulthoodService } from '../adulthood/adulthood.service';
import { EpisodeService } from '../episodes/episode.service';
import { HomeOfficeSubmissionService } from '../home-office/home-office-submission.service';
import { DecisionService } from '../decisions/decision.service';
import { SupportService } from '../support/support.service';
import { PersonReviewService } from '../persons/person-review.service';
import { ReferralService } from '../referrals/referral.service';

/**
 * The API's own service instances, for the pages: the same referral service (its outbox relay included), review
 * service and decision service, exported by the modules that own them rather than built a second time.
 */
@Injectable()
export class IntakeServices {
  constructor(
    readonly referrals: ReferralService,
    readonly persons: PersonReviewService,
    readonly submissions: HomeOfficeSubmissionService,
    readonly episodes: EpisodeService,
    readonly decisions: DecisionService,
    readonly support: SupportService,
    readonly adulthood: AdulthoodService,
  ) {}
}
