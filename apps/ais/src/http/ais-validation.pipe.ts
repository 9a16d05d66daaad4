import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors, VALIDATION_ERROR_OPTIONS } from '@app/common';
import { AisValidationError } from './ais.errors';

/** AIS refuses unknown fields and lists every refused one under ValidationErrors. */
export function createAisValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: VALIDATION_ERROR_OPTIONS,
    exceptionFactory: (errors) => new AisValidationError(flattenValidationErrors(errors).map((e) => ({ Field: e.path, Error: e.message }))),
  });
}
