import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AdulthoodService } from '../adulthood/adulthood.service';
import { EpisodeService } from '../episodes/episode.service';
import { HomeOfficeSubmissionService } from '../home-office/home-office-submission.service';
import { DecisionService } from '../decisions/decision.service';
import { SupportService } from '../support/support.service';
import { PersonReviewService } from '../persons/person-review.service';
import { ReferralService } from '../referrals/referral.service';

/**
 * The API's own service instances, for the pages: the same referral service (its outbox relay included) and the
 * same review service and decision service, found in the modules that own them rather than built a second time.
 */
@Injectable()
export class IntakeServices implements OnModuleInit {
  referrals!: ReferralService;
  persons!: PersonReviewService;
  submissions!: HomeOfficeSubmissionService;
  episodes!: EpisodeService;
  decisions!: DecisionService;
  support!: SupportService;
  adulthood!: AdulthoodService;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    this.referrals = this.moduleRef.get(ReferralService, { strict: false });
    this.persons = this.moduleRef.get(PersonReviewService, { strict: false });
    this.submissions = this.moduleRef.get(HomeOfficeSubmissionService, { strict: false });
    this.episodes = this.moduleRef.get(EpisodeService, { strict: false });
    this.decisions = this.moduleRef.get(DecisionService, { strict: false });
    this.support = this.moduleRef.get(SupportService, { strict: false });
    this.adulthood = this.moduleRef.get(AdulthoodService, { strict: false });
  }
}
