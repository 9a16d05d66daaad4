import 'reflect-metadata';
import { listen } from '@app/common';
import { createIntakeApp } from './intake.app';

async function bootstrap(): Promise<void> {
  const app = await createIntakeApp();
  await listen(app, 'INTAKE_PORT');
}

void bootstrap();
