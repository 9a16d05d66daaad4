import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '@app/common';
import { pageNotFound } from '@app/web';
import { InsightsModule } from './insights.module';

export function createInsightsApp(): Promise<INestApplication> {
  return createHttpApp(InsightsModule, {
    notFoundPage: pageNotFound,
    title: 'Referral Hub insights',
    description:
      'Central modern-slavery statistics that count each person once across AIS and LCS, Home Office decisions, and ' +
      'disclosure-controlled board reports (JSON, CSV, printable HTML).',
  });
}
