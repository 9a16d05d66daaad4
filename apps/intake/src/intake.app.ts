import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '@app/common';
import { pageNotFound } from '@app/web';
import { IntakeModule } from './intake.module';

export function createIntakeApp(): Promise<INestApplication> {
  return createHttpApp(IntakeModule, {
    notFoundPage: pageNotFound,
    title: 'Referral Hub intake',
    description: 'NRM referrals and Duty to Notify notifications, validated against the Home Office rules and routed by age.',
  });
}
