import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The HTTP request being served, for code far from the controller that must say which request it works for: the
 * audit writes every row with the request's ids and the caller's declared purpose, whether the row is written by a
 * controller, a service or a repository inside a transaction. Outside a request (a worker, a timer) there is none.
 */
const current = new AsyncLocalStorage<IncomingMessage>();

/** The request being served, if any. */
export function currentRequest(): IncomingMessage | undefined {
  return current.getStore();
}

/**
 * Express middleware that makes `req` the current request for everything that follows it. Mounted after the body
 * parsers: they read the body on the socket's own events, which would not carry the request along.
 */
export function requestContext(req: IncomingMessage, _res: ServerResponse, next: () => void): void {
  current.run(req, next);
}

/** Runs `work` as if serving `req` (for tests). */
export function withRequest<T>(req: IncomingMessage, work: () => T): T {
  return current.run(req, work);
}
