import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors, VALIDATION_ERROR_OPTIONS } from '@app/common';
import { LcsValidationError } from './lcs.errors';

/** LCS refuses unknown fields and lists every refused one in error.details. */
export function createLcsValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: VALIDATION_ERROR_OPTIONS,
    exceptionFactory: (errors) => new LcsValidationError(flattenValidationErrors(errors).map((e) => ({ field: e.path, issue: e.message }))),
  });
}
