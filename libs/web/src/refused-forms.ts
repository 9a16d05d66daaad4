import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FormBody, FormErrors } from './form';
import { JourneyAnswers } from './journey-answers';
import { sessionOf } from './page-session';

/** A form the rules refused: which form of the page, what was typed, and what to put right. */
export interface RefusedForm {
  /** Which of the page's forms (a page such as a referral's has several). */
  readonly name: string;
  readonly form: FormBody;
  readonly errors: FormErrors;
}

/**
 * Post/redirect/get for a refused form (docs/pages-and-journeys.md, "post/redirect/get"): the refusal is kept in the
 * page session for the next GET of the form's page only, and the POST is answered `303 See Other` to that page, so
 * the browser's history holds only GET pages and Back or reload never asks to "Confirm form resubmission". What was
 * typed may be personal data: it is sealed as the journey's answers are (JourneyAnswers: AES-256-GCM, bound to the
 * session id), never kept in Redis in the clear. One-shot, like `flash`: the page that takes it shows it once, and
 * any other page rendered first drops it (PageRenderer).
 */
@Injectable()
export class RefusedForms {
  constructor(private readonly sealing: JourneyAnswers) {}

  /**
   * Keeps the refusal for `page` (a path and query, without #fragment: a fragment makes Chromium focus the target,
   * and the error summary could not take focus on load), then answers 303 to it.
   */
  redirect(req: Request, res: Response, page: string, refused: RefusedForm): void {
    const { _csrf: _token, ...form } = refused.form;
    req.session.refusedForm = { page, sealed: this.sealing.seal(req.sessionID, { name: refused.name, form, errors: refused.errors }) };
    res.redirect(303, page);
  }

  /** The refusal kept for the page requested (its path and query), once; undefined when there is none for it. */
  take(req: Request): RefusedForm | undefined {
    const session = sessionOf(req);
    const kept = session?.refusedForm;
    if (!session || !kept) return undefined;
    delete session.refusedForm;
    if (kept.page !== req.originalUrl) return undefined;
    const value = this.sealing.openValue(req.sessionID, kept.sealed);
    return isRefusedForm(value) ? value : undefined;
  }
}

/** Drops a refusal no page took (another page was shown first). */
export function dropRefusedForm(req: Pick<Request, 'session'>): void {
  const session = sessionOf(req);
  if (session?.refusedForm) delete session.refusedForm;
}

function isRefusedForm(value: unknown): value is RefusedForm {
  if (typeof value !== 'object' || value === null) return false;
  const { name, form, errors } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof form !== 'object' || form === null || typeof errors !== 'object' || errors === null) return false;
  const { summary, fields } = errors as Record<string, unknown>;
  return Array.isArray(summary) && typeof fields === 'object' && fields !== null;
}

declare module 'express-session' {
  interface SessionData {
    /** A refused form for the next GET of its page (see RefusedForms); its answers and errors sealed. */
    refusedForm: { page: string; sealed: string };
  }
}
