import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { accessPurposeProblem, AuthEvents, CLIENT_REQUEST_ID, type Principal } from '@app/auth';
import { canonicalId, currentRequest, NotFoundError, routeTemplate } from '@app/common';
import { AuditRepository, type AuditRecord } from '@app/database';
import type { EntityManager } from 'typeorm';
import { RefusedAnonymousCounter } from './refused-anonymous.counter';

type RequestLike = Pick<Request, 'headers'> & { id?: unknown; principal?: Principal };

/**
 * Why the data is being read, as the caller states it (X-Access-Purpose, checked against the role's list by the auth
 * guard, which refuses any other), else the route's own purpose.
 */
function purposeOf(request: RequestLike | undefined, role: Principal['role'], fallback: string): string {
  const stated = request?.headers['x-access-purpose'];
  return typeof stated === 'string' && !accessPurposeProblem(role, stated) ? stated : fallback;
}

/** The id the service gave the request (pino-http's, a UUID). */
function requestIdOf(request: RequestLike | undefined): string | null {
  const id = request?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** The client's own X-Request-Id, when it has the allowed form; kept apart from the id the service gives the request. */
function clientRequestIdOf(request: RequestLike | undefined): string | null {
  const given = request?.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : null;
}

export interface AuditSubject {
  type: string;
  id: string;
}

/** Writes the append-only audit (central.audit_events). */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /** A read or change by a signed-in principal; pass `manager` to write it in the same transaction as the change. */
  async record(
    principal: Principal,
    action: string,
    subject: AuditSubject | null,
    options: { request?: RequestLike; purpose?: string; details?: Record<string, unknown>; manager?: EntityManager } = {},
  ): Promise<void> {
    await this.audit.append(this.entry(principal, action, subject, options), options.manager);
  }

  /**
   * The audit row `record` would write, for a repository that writes it inside its own statement. Its request ids and
   * stated purpose are those of `request`, else of the request being served (`currentRequest`), so that a row written
   * far from the controller still names the request it was written for.
   */
  entry(
    principal: Principal,
    action: string,
    subject: AuditSubject | null,
    options: { request?: RequestLike; purpose?: string; details?: Record<string, unknown> } = {},
  ): AuditRecord {
    const request: RequestLike | undefined = options.request ?? currentRequest();
    return {
      actorSub: principal.sub,
      actorRole: principal.role,
      actorOrg: principal.org ?? null,
      action,
      outcome: 'allowed',
      subjectType: subject?.type ?? null,
      subjectId: subject ? canonicalId(subject.id) : null,
      purpose: purposeOf(request, principal.role, options.purpose ?? action),
      requestId: requestIdOf(request),
      clientRequestId: clientRequestIdOf(request),
      details: options.details ?? null,
    };
  }

  /** A decision made by a worker on its own (the deduplicator linking records), with no person behind it. */
  async recordSystem(actor: string, action: string, subject: AuditSubject, details?: Record<string, unknown>, manager?: EntityManager): Promise<void> {
    await this.audit.append(
      {
        actorSub: actor,
        actorRole: 'service',
        action,
        outcome: 'allowed',
        subjectType: subject.type,
        subjectId: canonicalId(subject.id),
        purpose: 'linkage',
        details,
      },
      manager,
    );
  }

  /** `recordSystem` for many decisions at once, in the caller's transaction. */
  async recordSystemMany(
    actor: string,
    action: string,
    entries: ReadonlyArray<{ subject: AuditSubject; details?: Record<string, unknown> }>,
    manager?: EntityManager,
  ): Promise<void> {
    await this.audit.appendMany(
      entries.map((e) => ({
        actorSub: actor,
        actorRole: 'service',
        action,
        outcome: 'allowed',
        subjectType: e.subject.type,
        subjectId: canonicalId(e.subject.id),
        purpose: 'linkage',
        details: e.details,
      })),
      manager,
    );
  }

  /**
   * A refusal on a record (another organisation's referral, answered 404): audited as refused, naming the record,
   * so that a search of the audit for it shows the attempt.
   */
  async refusedOn(principal: Principal, action: string, subject: AuditSubject, request: RequestLike | undefined, reason: string): Promise<void> {
    await this.audit.append({ ...this.entry(principal, action, subject, { request }), outcome: 'refused', details: { reason } });
  }

  /**
   * Runs `work` on one record for `principal`. When it answers not found (another organisation's record, which is
   * answered as if it did not exist, or no such record), the attempt is audited as refused on that record, then the
   * 404 goes on. Written outside `work`'s transaction, which the refusal rolls back.
   */
  async refusingNotFound<T>(principal: Principal, action: string, subject: AuditSubject, work: () => Promise<T>, request?: RequestLike): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof NotFoundError) await this.refusedOn(principal, action, subject, request, 'not_found');
      throw error;
    }
  }

  async refused(request: RequestLike, principal: Principal | undefined, reason: string, route: string): Promise<void> {
    const record: AuditRecord = {
      actorSub: principal?.sub ?? 'anonymous',
      actorRole: principal?.role ?? null,
      actorOrg: principal?.org ?? null,
      action: 'access.refused',
      outcome: 'refused',
      purpose: null,
      requestId: requestIdOf(request),
      clientRequestId: clientRequestIdOf(request),
      details: { reason, route },
    };
    await this.audit.append(record);
  }
}

/** Sends the auth guard's refusals to the audit. A failing audit write must not turn a 401/403 into a 500. */
@Injectable()
export class AuditedAuthEvents extends AuthEvents {
  private readonly logger = new Logger(AuditedAuthEvents.name);

  constructor(
    private readonly audit: AuditService,
    private readonly anonymous: RefusedAnonymousCounter,
  ) {
    super();
  }

  /**
   * A signed-in principal's refusal is an audit row. An anonymous one (no token, a token that does not verify, a
   * wrong CSRF token before sign-in, over the rate limit) is counted per client address and minute instead: a row
   * each would let anyone grow the audit without limit.
   */
  override async refused(request: Request, principal: Principal | undefined, reason: string): Promise<void> {
    if (!principal) {
      this.anonymous.note(request.ip, reason);
      return;
    }
    const route = `${request.method} ${routeTemplate(request) ?? request.path}`;
    await this.audit.refused(request as RequestLike, principal, reason, route).catch((error: unknown) => {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'could not audit a refusal');
    });
  }
}
