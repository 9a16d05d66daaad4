import type { FieldViolation } from '@app/domain';

/**
 * Domain errors are types; the global filter maps them to HTTP. Messages are written for the caller and
 * must never carry personal data (names, dates of birth): they end up in error bodies and logs.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(what: string, id: string) {
    super(`${what} ${id} was not found`);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code: string;
  constructor(message: string, code = 'conflict') {
    super(message);
    this.code = code;
  }
}

export class UnprocessableError extends DomainError {
  readonly status = 422;
  readonly code: string;
  constructor(message: string, code = 'unprocessable') {
    super(message);
    this.code = code;
  }
}

export class InvalidRequestError extends DomainError {
  readonly status = 400;
  readonly code = 'invalid_request';
  constructor(readonly errors: FieldViolation[]) {
    super(`${errors.length} field(s) failed validation`);
  }
}

/** A path parameter that names a record by its UUID and holds no UUID: a 400 naming the parameter. */
export class MalformedIdError extends InvalidRequestError {
  constructor(readonly parameter: string) {
    super([{ path: parameter, message: `${parameter} must be a UUID` }]);
  }
}
