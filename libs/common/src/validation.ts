import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldViolation } from '@app/domain';
import { InvalidRequestError } from './errors';

/**
 * Flattens class-validator's tree into violations named by their dotted paths. A field that is missing fails
 * only as missing: "<path> is required", not also "must be an object" or "must be a string" beside it.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldViolation[] {
  const out: FieldViolation[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    if (constraints.isDefined) {
      out.push({ path, message: constraints.isDefined.replace(/^\S+ should not be null or undefined$/, `${path} is required`) });
      continue;
    }
    for (const message of Object.values(constraints)) {
      // class-validator writes "property x should not exist"; name the whole path instead.
      out.push({ path, message: message.replace(/^property \S+ /, `${path} `) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

/** Unknown fields are refused, not stripped: a misspelt field must not silently lose what was meant. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidRequestError(flattenValidationErrors(errors)),
  });
}
