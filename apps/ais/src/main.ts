import 'reflect-metadata';
import { listen } from '@app/common';
import { createAisApp } from './ais.app';

async function bootstrap(): Promise<void> {
  const app = await createAisApp();
  await listen(app, 'AIS_PORT');
}

void bootstrap();
