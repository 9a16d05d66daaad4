import type { CaseSystem } from '@app/domain';

/** A field the vendor refused, by its path in the vendor's format. Values are never kept. */
export interface VendorFieldError {
  field: string;
  message: string;
}

/**
 * A call to a case system failed. Messages name the system, the operation and what the vendor said about
 * it, never the personal data sent: they end up in logs and in a referral's routing error.
 */
export abstract class CaseSystemError extends Error {
  abstract readonly retryable: boolean;

  protected constructor(
    readonly system: CaseSystem,
    readonly operation: string,
    message: string,
  ) {
    super(`${system} ${operation}: ${message}`);
    this.name = new.target.name;
  }
}

export type UnavailableCause = 'timeout' | 'network' | 'server_error' | 'bad_response';

/** The system is down, slow or overloaded (5xx, 408, 429, timeout, connection refused): try again later. */
export class CaseSystemUnavailableError extends CaseSystemError {
  readonly retryable = true;

  constructor(
    system: CaseSystem,
    operation: string,
    readonly reason: UnavailableCause,
    readonly status: number | null = null,
    detail?: string,
  ) {
    super(system, operation, [status ? `HTTP ${status}` : reason, detail].filter(Boolean).join(': '));
  }
}

/** The system refused the request (4xx): the same request will be refused again. */
export class CaseSystemRejectedError extends CaseSystemError {
  readonly retryable = false;

  constructor(
    system: CaseSystem,
    operation: string,
    readonly status: number,
    readonly vendorMessage: string,
    readonly fieldErrors: VendorFieldError[] = [],
  ) {
    const fields = fieldErrors.length ? ` (${fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ')})` : '';
    super(system, operation, `HTTP ${status}: ${vendorMessage}${fields}`);
  }
}

/** The record asked for does not exist in the system. */
export class CaseRecordNotFoundError extends CaseSystemRejectedError {}

/** What a log line may say about a failed call: the kind, system, operation, status and cause, and the names of refused fields. */
export interface LoggableCaseSystemError {
  type: string;
  system?: CaseSystem;
  operation?: string;
  status?: number | null;
  cause?: UnavailableCause;
  fields?: string[];
}

/**
 * A case system's error as a log line may carry it. A vendor's message and its field messages can quote the values
 * sent (names, dates of birth), so they are never logged: only the status, the cause and the names of the fields.
 * The whole message stays on the referral's routing error, which only the roles that read referrals see.
 */
export function loggableError(error: unknown): LoggableCaseSystemError {
  if (error instanceof CaseSystemUnavailableError) {
    return { type: error.name, system: error.system, operation: error.operation, status: error.status, cause: error.reason };
  }
  if (error instanceof CaseSystemRejectedError) {
    return { type: error.name, system: error.system, operation: error.operation, status: error.status, fields: error.fieldErrors.map((f) => f.field) };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { type: typeof code === 'string' ? `${error.name} ${code}` : error.name };
  }
  return { type: 'unknown' };
}
