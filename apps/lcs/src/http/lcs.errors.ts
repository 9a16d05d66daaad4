export interface LcsErrorDetail {
  field: string;
  issue: string;
}

/**
 * LCS answers every failure as { error: { code, message, details } }. Messages and details name fields and
 * ids, never the values sent.
 */
export class LcsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: LcsErrorDetail[] = [],
  ) {
    super(message);
  }
}

export class LcsValidationError extends LcsError {
  constructor(details: LcsErrorDetail[]) {
    super(400, 'VALIDATION_FAILED', 'One or more fields are invalid', details);
  }
}

export class LcsNotFoundError extends LcsError {
  constructor(contactId: string) {
    super(404, 'CONTACT_NOT_FOUND', `Contact ${contactId} does not exist`);
  }
}

export class LcsConflictError extends LcsError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}
