import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { Environment } from '@app/config';
import type { FormBody } from './form';

/**
 * A journey's answers kept server-side between its pages, so that the browser's Back button, a reload or "Change"
 * never loses them and never re-posts a form. They sit in the page session (Redis) sealed with AES-256-GCM under a
 * key derived from SESSION_SECRET and bound to the session id: Redis alone never reveals a name or a date, and a
 * sealed value copied into another session does not open. They last as long as the session, or until the journey
 * ends (submitted) and its page deletes them.
 */
@Injectable()
export class JourneyAnswers {
  private readonly key: Buffer;

  constructor(config: ConfigService<Environment, true>) {
    this.key = Buffer.from(hkdfSync('sha256', config.get('SESSION_SECRET', { infer: true }), 'referral-hub', 'journey answers v1', 32));
  }

  /** The answers of the form, as posted, kept for this session (the CSRF token and buttons are not answers). */
  keep(req: Request, name: JourneyName, form: FormBody): void {
    const answers = Object.fromEntries(Object.entries(form).filter(([key, value]) => value !== undefined && !NOT_ANSWERS.has(key)));
    req.session.journeyAnswers = { ...req.session.journeyAnswers, [name]: this.seal(req.sessionID, answers) };
  }

  /** The answers kept for this session, or undefined when there are none (or they cannot be opened). */
  read(req: Request, name: JourneyName): FormBody | undefined {
    const sealed = req.session.journeyAnswers?.[name];
    return sealed ? this.open(req.sessionID, sealed) : undefined;
  }

  forget(req: Request, name: JourneyName): void {
    if (!req.session.journeyAnswers) return;
    const { [name]: _forgotten, ...rest } = req.session.journeyAnswers;
    req.session.journeyAnswers = rest;
  }

  /** Seals any JSON value for this session (the answers of a journey, a refused form: see RefusedForms). */
  seal(sessionId: string, answers: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(sessionId));
    const body = Buffer.concat([cipher.update(JSON.stringify(answers), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  open(sessionId: string, sealed: string): FormBody | undefined {
    const value = this.openValue(sessionId, sealed);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as FormBody) : undefined;
  }

  /** The value sealed for this session, still to be checked, or undefined when it cannot be opened. */
  openValue(sessionId: string, sealed: string): unknown {
    try {
      const bytes = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
      decipher.setAAD(Buffer.from(sessionId));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      return JSON.parse(text) as unknown;
    } catch {
      // Sealed under another secret or another session: as good as no answers.
      return undefined;
    }
  }
}

/** The journeys whose answers are kept. */
export type JourneyName = 'referralDetails' | 'referralQuestions';

const NOT_ANSWERS = new Set(['_csrf', 'step']);

declare module 'express-session' {
  interface SessionData {
    /** Sealed answers by journey (see JourneyAnswers); never readable in Redis. */
    journeyAnswers: Partial<Record<JourneyName, string>>;
  }
}
