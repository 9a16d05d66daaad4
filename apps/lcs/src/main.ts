import 'reflect-metadata';
import { listen } from '@app/common';
import { createLcsApp } from './lcs.app';

async function bootstrap(): Promise<void> {
  const app = await createLcsApp();
  await listen(app, 'LCS_PORT');
}

void bootstrap();
