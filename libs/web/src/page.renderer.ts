import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import nunjucks from 'nunjucks';
import path from 'node:path';
import type { Principal } from '@app/auth';
import { csrfTokenOf } from './csrf';
import { PageSessions, sessionOf } from './page-session';
import { dropRefusedForm } from './refused-forms';
import { WEB_OPTIONS, type WebAppOptions } from './web.options';
import { ukDateOn } from '@app/domain';

/** Templates of this library (layout, sign-in, errors, and each app's pages). */
export const VIEWS_DIRECTORY = path.join(__dirname, '..', 'views');
/** Our own static files (stylesheet, the script that starts GOV.UK Frontend's components). */
export const WEB_ASSETS_DIRECTORY = path.join(__dirname, '..', 'assets');
/** govuk-frontend's dist folder: templates under govuk/, compiled CSS and JS, fonts and images. */
export const GOVUK_FRONTEND_DIST = path.resolve(path.dirname(require.resolve('govuk-frontend')), '..');

type PageRequest = Request & { principal?: Principal };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

/** "2026-05-04" or an ISO instant → "4 May 2026" (UK time for instants). */
export function longDate(value: unknown): string {
  return calendarDate(value, MONTHS);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A summary list's value for an answer typed in a text area: its line breaks kept (escaped, then each break a
 * `<br>`), so paragraphs read back and copy across as written; one line stays plain text.
 */
export function answerValue(text: string): { text: string } | { html: string } {
  if (!/\r?\n/.test(text)) return { text };
  return { html: text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c).replace(/\r?\n/g, '<br>') };
}

/**
 * As `longDate`, with a day's month cut to three letters ("17 Sep 2026"), as GOV.UK style allows in a table short of
 * room. A month or a year alone keeps its long form.
 */
export function shortDate(value: unknown): string {
  return calendarDate(value, SHORT_MONTHS);
}

function calendarDate(value: unknown, dayMonths: readonly string[]): string {
  if (typeof value !== 'string' || !value) return '';
  // A month or a year given as an estimate reads as one: "March 2025", "2025".
  if (/^\d{4}$/.test(value)) return value;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const day = value.length === 10 ? value : ukDateOn(new Date(value));
  const [y, m, d] = day.split('-').map(Number);
  return Number.isFinite(y) && m >= 1 && m <= 12 ? `${d} ${dayMonths[m - 1]} ${y}` : value;
}

/** An ISO instant → "4 May 2026 at 11:05am" (UK time; GOV.UK style: 12-hour clock, "midday" and "midnight"). */
export function dateTime(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const at = new Date(value);
  if (!Number.isFinite(at.getTime())) return value;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  const time =
    minute === '00' && hour === 12 ? 'midday' : minute === '00' && hour === 0 ? 'midnight' : `${hour % 12 || 12}:${minute}${hour < 12 ? 'am' : 'pm'}`;
  return `${longDate(value)} at ${time}`;
}

/**
 * Renders pages with Nunjucks and GOV.UK Frontend's macros. Autoescaping is on: every value is escaped unless a
 * template marks it safe, which only our own server-built SVG charts are.
 */
@Injectable()
export class PageRenderer {
  private readonly env: nunjucks.Environment;

  constructor(
    @Inject(WEB_OPTIONS) private readonly options: WebAppOptions,
    private readonly sessions: PageSessions,
  ) {
    this.env = new nunjucks.Environment(new nunjucks.FileSystemLoader([VIEWS_DIRECTORY, GOVUK_FRONTEND_DIST]), {
      autoescape: true,
      throwOnUndefined: false,
      trimBlocks: true,
      lstripBlocks: true,
    });
    this.env.addFilter('longDate', longDate);
    this.env.addFilter('shortDate', shortDate);
    this.env.addFilter('dateTime', dateTime);
    // A count read as text (a bigint column) is shown as it is; nothing that is not a number or text is shown at all.
    this.env.addFilter('number', (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-GB') : typeof n === 'string' ? n : ''));
  }

  /** Sends a page. Pages carry personal data: never cached, by the browser or anything between. */
  render(req: Request, res: Response, template: string, context: Record<string, unknown> = {}, status = 200): void {
    const html = this.renderToString(req, res, template, context);
    res.status(status).type('html').setHeader('Cache-Control', 'no-store').send(html);
  }

  renderToString(req: Request, res: Response, template: string, context: Record<string, unknown> = {}): string {
    // A refused form is shown by the next page only if that page is its own (RefusedForms.take); never later.
    dropRefusedForm(req);
    return this.env.render(template, { ...this.globals(req as PageRequest, res), ...context });
  }

  private globals(req: PageRequest, res: Response): Record<string, unknown> {
    const session = sessionOf(req);
    const principal = req.principal ?? session?.principal;
    const current = req.path;
    const visible = principal ? this.options.navigation.filter((item) => item.roles.includes(principal.role)) : [];
    // The longest link that the path starts with is the current one ("/referrals/new" is not "/referrals").
    const active = visible
      .filter((item) => current === item.href || current.startsWith(`${item.href}/`))
      .sort((a, b) => b.href.length - a.href.length)
      .at(0);
    const navigation = visible.map((item) => ({ text: item.text, href: item.href, active: item === active }));
    return {
      serviceName: this.options.serviceName,
      serviceUrl: principal ? this.options.home(principal) : '/sign-in',
      navigation,
      principal,
      roleName: principal ? ROLE_NAMES[principal.role] : undefined,
      // Signed in: the session's token. Before sign-in: a cookie token, so that showing a form stores no session.
      csrfToken: session?.principal ? csrfTokenOf(session) : session ? this.sessions.preSessionToken(req, res) : undefined,
      cspNonce: res.locals.cspNonce,
      flash: takeFlash(req),
      assetPath: '/assets',
    };
  }
}

function takeFlash(req: PageRequest): string | undefined {
  const session = sessionOf(req);
  const flash = session?.flash;
  if (session && flash) delete session.flash;
  return flash;
}

export const ROLE_NAMES: Record<string, string> = {
  first_responder: 'First responder',
  safeguarding_lead: 'Safeguarding lead',
  board_viewer: 'Board viewer',
  board_member: 'Board member',
  admin: 'Administrator',
  service: 'Service',
};
