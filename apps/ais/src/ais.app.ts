import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '@app/common';
import { AisModule } from './ais.module';
import { AisErrorFilter } from './http/ais-error.filter';
import { createAisValidationPipe } from './http/ais-validation.pipe';

/** The AIS mimic as an HTTP app, for main.ts and for tests alike. It answers errors in AIS's own shape. */
export function createAisApp(): Promise<INestApplication> {
  return createHttpApp(AisModule, {
    title: "AIS (adults' case system mimic)",
    description: 'Safeguarding concerns ("Modern Slavery" category), transfers in from children\'s services, and a change feed. PascalCase, dates dd/MM/yyyy.',
    ownErrorHandling: true,
    configure: (app) => {
      app.useGlobalPipes(createAisValidationPipe());
      app.useGlobalFilters(new AisErrorFilter());
    },
  });
}
