import type { Request } from 'express';

/** The route Express matched, as its template (`/referrals/:id`, never the ids); undefined before routing. */
export function routeTemplate(request: Request): string | undefined {
  // Express types `request.route` as any.
  const path: unknown = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : undefined;
}
