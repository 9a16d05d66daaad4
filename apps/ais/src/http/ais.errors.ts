/** One refused field, in AIS's error vocabulary. */
export interface AisFieldError {
  Field: string;
  Error: string;
}

/**
 * AIS answers every failure as { Message, ValidationErrors? }. Messages name fields and ids, never the values
 * sent: a caller may log them.
 */
export class AisError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly validationErrors: AisFieldError[] = [],
  ) {
    super(message);
  }
}

export class AisValidationError extends AisError {
  constructor(validationErrors: AisFieldError[]) {
    super(400, 'The request is invalid.', validationErrors);
  }
}

export class AisNotFoundError extends AisError {
  constructor(what: string, id: string) {
    super(404, `${what} ${id} was not found.`);
  }
}
