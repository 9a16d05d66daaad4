import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { DeduplicatorModule } from './deduplicator.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(DeduplicatorModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM closes the worker after its in-flight jobs; a linking decision is one transaction either way.
  app.enableShutdownHooks();
}

void bootstrap();
