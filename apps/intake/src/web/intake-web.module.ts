import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import type { Principal } from '@app/auth';
import { PageSessionMiddleware, WebModule } from '@app/web';
import { AdulthoodPagesController } from './adulthood-pages.controller';
import { AgeAssessmentPagesController } from './age-assessment-pages.controller';
import { IntakeServices } from './intake-services';
import { NrmCasePagesController } from './nrm-case-pages.controller';
import { NrmWorklistPagesController } from './nrm-worklist-pages.controller';
import { SupportPagesController } from './support-pages.controller';
import { WorklistsModule } from '../worklists/worklists.module';
import { AdulthoodModule } from '../adulthood/adulthood.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { EpisodesModule } from '../episodes/episodes.module';
import { HomeOfficeModule } from '../home-office/home-office.module';
import { PersonsModule } from '../persons/persons.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { SupportModule } from '../support/support.module';
import { PersonPagesController } from './person-pages.controller';
import { ReferralFormController } from './referral-form.controller';
import { ReferralPagesController } from './referral-pages.controller';
import { ReviewPagesController } from './review-pages.controller';
import { WorklistPagesController } from './worklist-pages.controller';
import { DataQualityPagesController } from './data-quality-pages.controller';
import { EpisodePagesController } from './episode-pages.controller';

const PAGE_CONTROLLERS = [
  ReferralFormController,
  ReferralPagesController,
  NrmCasePagesController,
  SupportPagesController,
  AgeAssessmentPagesController,
  ReviewPagesController,
  PersonPagesController,
  WorklistPagesController,
  AdulthoodPagesController,
  NrmWorklistPagesController,
  DataQualityPagesController,
  EpisodePagesController,
];

/** Intake's pages: the referral journey for first responders, and referrals, persons and reviews for leads. */
@Module({
  imports: [
    ReferralsModule,
    PersonsModule,
    HomeOfficeModule,
    EpisodesModule,
    DecisionsModule,
    SupportModule,
    AdulthoodModule,
    WorklistsModule,
    WebModule.forApp({
      serviceName: 'Referral Hub',
      navigation: [
        { text: 'Log a referral', href: '/referrals/new', roles: ['first_responder', 'safeguarding_lead'] },
        { text: 'Referrals', href: '/referrals', roles: ['first_responder', 'safeguarding_lead'] },
        { text: 'Not yet submitted', href: '/worklists/not-submitted', roles: ['first_responder', 'safeguarding_lead'] },
        { text: 'NRM cases', href: '/worklists/reasonable-grounds-overdue', roles: ['safeguarding_lead'] },
        { text: 'Approaching adulthood', href: '/worklists/approaching-adulthood', roles: ['safeguarding_lead'] },
        { text: 'Review queue', href: '/reviews', roles: ['safeguarding_lead'] },
        { text: 'Data quality', href: '/data-quality', roles: ['safeguarding_lead'] },
      ],
      home: (principal: Principal) => (principal.role === 'safeguarding_lead' ? '/referrals' : '/referrals/new'),
      roles: ['first_responder', 'safeguarding_lead'],
    }),
  ],
  // The journey's fixed paths (/referrals/new) before the referral pages' /referrals/:id, and
  // /worklists/approaching-adulthood before the NRM worklists' /worklists/:name.
  controllers: PAGE_CONTROLLERS,
  providers: [IntakeServices],
})
export class IntakeWebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PageSessionMiddleware).forRoutes(...PAGE_CONTROLLERS);
  }
}
