import type { CaseSystem } from '@app/domain';
import { CaseRecordNotFoundError, CaseSystemRejectedError, CaseSystemUnavailableError, VendorFieldError } from './case-system.errors';

export interface CaseSystemClientOptions {
  /** e.g. http://127.0.0.1:3101; a path prefix is kept. */
  baseUrl: string;
  /** Time allowed for one call, response body included. */
  timeoutMs: number;
  /** Sent as a bearer token when given: a fixed token, or one asked for on each call (re-signed before it expires). */
  token?: string | (() => Promise<string>);
}

/** What a vendor's error body says, in a common shape. */
export interface VendorError {
  message: string;
  fieldErrors: VendorFieldError[];
}

export interface VendorResponse<T> {
  status: number;
  body: T;
}

/**
 * JSON over fetch for one vendor: timeouts, the bearer token, and the one place where HTTP outcomes become
 * Unavailable (retry) or Rejected (do not) errors.
 */
export class VendorHttp {
  private readonly baseUrl: string;

  constructor(
    private readonly system: CaseSystem,
    private readonly options: CaseSystemClientOptions,
    private readonly readError: (body: unknown) => VendorError | undefined,
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async request<T>(operation: string, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<VendorResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    const signal = AbortSignal.timeout(this.options.timeoutMs);

    let status: number;
    let text: string;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
      status = response.status;
      // Reading the body is part of the call: a server that stalls mid-body has timed out too.
      text = await response.text();
    } catch (error) {
      const timedOut = signal.aborted || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
      throw new CaseSystemUnavailableError(
        this.system,
        operation,
        timedOut ? 'timeout' : 'network',
        null,
        timedOut ? `no answer within ${this.options.timeoutMs} ms` : networkDetail(error),
      );
    }

    const parsed = parseJson(text);
    if (status >= 200 && status < 300) {
      if (parsed === undefined) throw new CaseSystemUnavailableError(this.system, operation, 'bad_response', status, 'answer was not JSON');
      return { status, body: parsed as T };
    }
    const vendor = this.readError(parsed);
    // 408 and 429 are 4xx but say "not now" rather than "never".
    if (status >= 500 || status === 408 || status === 429) {
      throw new CaseSystemUnavailableError(this.system, operation, 'server_error', status, vendor?.message);
    }
    const message = vendor?.message ?? `HTTP ${status}`;
    if (status === 404) throw new CaseRecordNotFoundError(this.system, operation, status, message, vendor?.fieldErrors);
    throw new CaseSystemRejectedError(this.system, operation, status, message, vendor?.fieldErrors);
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function networkDetail(error: unknown): string {
  // undici puts the system error (ECONNREFUSED, ENOTFOUND) on `cause`; its message holds only the address.
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : 'connection failed';
}

/** A vendor's field or message as text: a string, number or boolean as it reads, anything else as ''. */
export function vendorText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** Both vendors serve at most 500 changes a page; asking for more would be refused, so ask for what they give. */
export const MAX_PAGE_SIZE = 500;

/** The most records either vendor answers in one batch read. */
export const MAX_RECORDS_PER_READ = 200;

/** Ids in chunks of at most MAX_RECORDS_PER_READ, for the vendors' batch reads. */
export function chunksOf<T>(items: readonly T[], size = MAX_RECORDS_PER_READ): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function pageSize(limit: number): number {
  return Math.min(Math.max(1, Math.floor(limit)), MAX_PAGE_SIZE);
}
