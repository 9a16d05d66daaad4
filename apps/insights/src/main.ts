import 'reflect-metadata';
import { listen } from '@app/common';
import { createInsightsApp } from './insights.app';

async function bootstrap(): Promise<void> {
  const app = await createInsightsApp();
  await listen(app, 'INSIGHTS_PORT');
}

void bootstrap();
