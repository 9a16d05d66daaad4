import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { RouterModule } from './router.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(RouterModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM closes the BullMQ worker, which lets in-flight jobs finish before the process exits.
  app.enableShutdownHooks();
}

void bootstrap();
