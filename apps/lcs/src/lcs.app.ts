import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '@app/common';
import { LcsErrorFilter } from './http/lcs-error.filter';
import { createLcsValidationPipe } from './http/lcs-validation.pipe';
import { LcsModule } from './lcs.module';

/** The LCS mimic as an HTTP app, for main.ts and for tests alike. It answers errors in LCS's own shape. */
export function createLcsApp(): Promise<INestApplication> {
  return createHttpApp(LcsModule, {
    title: "LCS (children's case system mimic)",
    description: "Contacts with CIN assessment factors (12A Trafficking), transfer to adults' services, and a feed. camelCase, ISO dates, alpha-2 nationality.",
    ownErrorHandling: true,
    configure: (app) => {
      app.useGlobalPipes(createLcsValidationPipe());
      app.useGlobalFilters(new LcsErrorFilter());
    },
  });
}
