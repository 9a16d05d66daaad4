import http from 'node:http';
import https from 'node:https';
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

/** A call that had no complete answer within the client's timeout (body included). */
class CallTimedOut extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * JSON over HTTP for one vendor: timeouts, the bearer token, and the one place where HTTP outcomes become
 * Unavailable (retry) or Rejected (do not) errors.
 *
 * Node's own http client rather than fetch: the router makes one call per referral and the deduplicator polls
 * each feed several times a second, and fetch (undici behind web streams and abort signals) spent about three times
 * the CPU per call of http.request on a kept-alive connection. Connections are kept alive between calls; the
 * agent closes an idle one a second before the server's announced keep-alive timeout, so a call does not meet a
 * connection closed under it.
 */
export class VendorHttp {
  private readonly baseUrl: string;
  private readonly transport: typeof http | typeof https;
  private readonly agent: http.Agent;

  constructor(
    private readonly system: CaseSystem,
    private readonly options: CaseSystemClientOptions,
    private readonly readError: (body: unknown) => VendorError | undefined,
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const secure = new URL(this.baseUrl).protocol === 'https:';
    this.transport = secure ? https : http;
    this.agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  }

  async request<T>(operation: string, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<VendorResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const token = typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
    if (token) headers.authorization = `Bearer ${token}`;

    let status: number;
    let text: string;
    try {
      ({ status, text } = await this.send(method, path, headers, payload));
    } catch (error) {
      const timedOut = error instanceof CallTimedOut;
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

  /**
   * One call and its whole answer as text. The timeout covers the body too: a server that stalls mid-body has
   * timed out. A connection that ends before the body does is a network failure.
   */
  private send(method: string, path: string, headers: Record<string, string>, payload: string | undefined): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const request = this.transport.request(`${this.baseUrl}${path}`, { method, headers, agent: this.agent });
      const timer = setTimeout(() => {
        reject(new CallTimedOut());
        request.destroy();
      }, this.options.timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error);
      };
      request.on('error', fail);
      request.on('response', (response) => {
        response.setEncoding('utf8');
        let text = '';
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('error', fail);
        response.on('close', () => {
          if (!response.complete) fail(new Error('connection closed before the answer ended'));
        });
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, text });
        });
      });
      request.end(payload);
    });
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
  // The system error's code (ECONNREFUSED, ENOTFOUND, ECONNRESET); its message holds the address as well.
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' ? code : 'connection failed';
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
