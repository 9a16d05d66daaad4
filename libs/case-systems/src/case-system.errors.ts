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
