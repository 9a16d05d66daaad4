import type { ClassConstructor } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors, InvalidRequestError, VALIDATION_ERROR_OPTIONS } from '@app/common';
import { isIsoDate, refuseFutureDay, type FieldViolation } from '@app/domain';

/** A posted form (application/x-www-form-urlencoded): each field a string, or several for repeated names. */
export type FormBody = Record<string, string | string[] | undefined>;

/** A text field, trimmed; empty means not given. */
export function textField(form: FormBody, name: string): string | undefined {
  const value = form[name];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

/** Every value of a repeated field (checkboxes). */
export function listField(form: FormBody, name: string): string[] {
  const value = form[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter(Boolean);
}

/** One item per line of a textarea. */
export function linesField(form: FormBody, name: string): string[] | undefined {
  const lines = (textField(form, name) ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length > 0 ? lines : undefined;
}

/** "yes" → true, "no" → false, anything else not given. */
export function yesNoField(form: FormBody, name: string): boolean | undefined {
  const value = textField(form, name);
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/**
 * A GOV.UK date input (name-day, name-month, name-year) as YYYY-MM-DD. Nothing entered is not given; anything else is
 * passed on as written so the API's own validation judges it (a 30 February is refused there, not here).
 */
export function dateField(form: FormBody, name: string, options: { partial?: boolean } = {}): string | undefined {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => textField(form, `${name}-${part}`) ?? '');
  if (!day && !month && !year) return undefined;
  const two = (n: string) => (/^\d$/.test(n) ? `0${n}` : n);
  // Where an estimate is fine, a month and year (YYYY-MM) or a year alone (YYYY) is an answer too.
  if (options.partial && !day && year) return month ? `${year}-${two(month)}` : year;
  return `${year}-${two(month)}-${two(day)}`;
}

/** Drops keys whose value is undefined, so an unanswered optional question is absent, as in an API call. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** An object of the answers given, or undefined when none of them was. */
export function section<T extends Record<string, unknown>>(value: T): Partial<T> | undefined {
  const given = compact(value);
  return Object.keys(given).length > 0 ? given : undefined;
}

/**
 * Query parameters checked with the API's own query DTO, the way the global validation pipe checks them (empty
 * filters, as a GET form sends them, mean no filter).
 */
/**
 * A form's day that must not be in the future (a submission's or a support referral's date), as a violation naming
 * `path`, for `validateQuery`'s `alsoRefused`: the service checks it again, with the rest of its rules, once the
 * fields are valid; checked here too so that one refusal names it beside the missing fields.
 */
export function futureDay(path: string, day: string | undefined, today: string): FieldViolation[] {
  return day !== undefined && isIsoDate(day) ? refuseFutureDay(path, day, today) : [];
}

/**
 * Validates a page's answers (or address) against a DTO. `alsoRefused`: what rules beyond the DTO found wrong with
 * the same answers, reported together with the field errors when those fail (otherwise the service's own check
 * reports them), so a person sees every problem at once rather than one after another.
 */
export async function validateQuery<T extends object>(
  type: ClassConstructor<T>,
  query: Record<string, unknown>,
  alsoRefused: readonly FieldViolation[] = [],
): Promise<T> {
  const given = Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
  const dto = plainToInstance(type, given);
  const errors = flattenValidationErrors(
    // A page's address may carry what the page does not ask (a tracking tag, an old bookmark's filter): it is left
    // out, not answered with an error about a field the person never saw.
    await validate(dto, { whitelist: true, forbidNonWhitelisted: false, validationError: VALIDATION_ERROR_OPTIONS }),
  );
  if (errors.length > 0) throw new InvalidRequestError([...errors, ...alsoRefused.filter((v) => !errors.some((e) => e.path === v.path))]);
  return dto;
}

export interface ErrorSummaryItem {
  text: string;
  href: string;
}

/** What a page shows for a failed form: the GOV.UK error summary and one message beside each field. */
export interface FormErrors {
  summary: ErrorSummaryItem[];
  /** Inline messages by field path (the API path of the answer). */
  fields: Record<string, string>;
}

export interface FieldDescription {
  /** The id of the input the summary links to (the first of a date or a group of options). */
  readonly target: string;
  /** How the question names the answer, for messages. */
  readonly label: string;
  /** The message for an answer missing or not one of the choices, in GOV.UK style ("Enter…", "Select…"). */
  readonly missing?: string;
  /**
   * Messages for rules that judge this answer against another (the API's cross-field rules), which name the other
   * answer by its API field: the first whose `when` matches the API's message is shown instead (a function is given
   * the match, to name what the message names).
   */
  readonly refusals?: readonly { readonly when: RegExp; readonly text: string | ((match: RegExpExecArray) => string) }[];
}

// class-validator's generic wording for an answer left out or not one of the choices.
const NOT_A_NUMBER = /must be an integer number|must be a number conforming/;
const GENERIC =
  /should not be empty|must be a string|must be one of the following values|must be one of |must be an email|must be an array|must name at least one|should not be null or undefined|must be an object|must be a boolean|must be an ISO 3166-1 alpha-3 code|must be a UUID|is required/;

/**
 * Maps the API's `{ path, message }` errors onto a form: each to the nearest field the page shows (walking up the
 * path), worded for a person. The rules themselves are the API's; only the wording is the page's.
 */
export function formErrors(
  violations: readonly FieldViolation[],
  fields: Readonly<Record<string, FieldDescription>>,
  elsewhere: (path: string) => string | undefined = () => undefined,
): FormErrors {
  const summary: ErrorSummaryItem[] = [];
  const inline: Record<string, string> = {};
  // An answer left out fails several checks at once (not a string, empty, too long): say what to do about it.
  const keys = Object.keys(fields);
  const order: number[] = [];
  // An answer that is no number fails its range checks too: say it must be a number, not that it is too large.
  const rank = (message: string) => (GENERIC.test(message) ? 2 : NOT_A_NUMBER.test(message) ? 1 : 0);
  const ordered = [...violations].sort((a, b) => rank(b.message) - rank(a.message));
  for (const violation of ordered) {
    const path = nearestField(violation.path, fields);
    if (path && inline[path]) continue;
    const field = path ? fields[path] : undefined;
    const text = field ? wording(violation, field) : sentence(violation.message);
    if (path) inline[path] = text;
    summary.push({ text, href: field ? `#${field.target}` : (elsewhere(violation.path) ?? '#main-content') });
    order.push(path ? keys.indexOf(path) : -1);
  }
  // The summary lists problems in the order the page asks the questions (answers of earlier pages first).
  const sorted = summary
    .map((item, i) => ({ item, at: order[i] }))
    .sort((a, b) => a.at - b.at)
    .map(({ item }) => item);
  return { summary: sorted, fields: inline };
}

function nearestField(path: string, fields: Readonly<Record<string, FieldDescription>>): string | undefined {
  const parts = path.replace(/\.\d+$/, '').split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    if (Object.hasOwn(fields, candidate)) return candidate;
    const first = Object.keys(fields).find((k) => k.startsWith(`${candidate}.`));
    if (first) return first;
    parts.pop();
  }
  return undefined;
}

function wording(violation: FieldViolation, field: FieldDescription): string {
  for (const refusal of field.refusals ?? []) {
    const match = refusal.when.exec(violation.message);
    if (match) return typeof refusal.text === 'string' ? refusal.text : refusal.text(match);
  }
  if (GENERIC.test(violation.message) && field.missing) return field.missing;
  // class-validator's ArrayMaxSize and ArrayMinSize: "ukTowns must contain no more than 10 elements".
  const count = /must contain (no more than|at least) (\d+) elements/.exec(violation.message);
  if (count) return `Enter ${count[1]} ${count[2]} ${inSentence(field.label)}`;
  if (/must be a date written YYYY-MM-DD, or a month/.test(violation.message)) return `${field.label} must be a real date, or a month and year, or a year`;
  if (/must be a date written YYYY-MM-DD/.test(violation.message)) return `${field.label} must be a real date`;
  if (NOT_A_NUMBER.test(violation.message)) return `${field.label} must be a whole number, like 2`;
  const longest = /must be shorter than or equal to (\d+) characters/.exec(violation.message);
  if (longest) return `${field.label} must be ${Number(longest[1]).toLocaleString('en-GB')} characters or fewer`;
  // "dateOfBirth must be after 1900-01-01" → "Date of birth must be after 1 January 1900"
  const rest = violation.message.replace(/^[A-Za-z.]+ (?=(must|is|should) )/, '');
  const text = rest === violation.message ? sentence(violation.message) : `${field.label} ${rest}`;
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y: string, m: string, d: string) => `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as people type it, as YYYY-MM-DD: 5/12/2026 and 05-12-2026 (day first, as in the UK), 5 December 2026 or
 * 5 Dec 2026, and 2026-12-05. Undefined when it is none of these or no real date (31/2/2026).
 */
export function parseTypedDate(text: string): string | undefined {
  const value = text.trim();
  let parts: [string, string, string] | undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m) parts = [m[1], m[2], m[3]];
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) parts = [m[3], m[2], m[1]];
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(value);
  if (m) {
    const month = MONTH_NAMES.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
    if (month > 0 && (m[2].length <= 4 || MONTHS[month - 1].toLowerCase().startsWith(m[2].toLowerCase()))) parts = [m[3], String(month), m[1]];
  }
  if (!parts) return undefined;
  const [y, mo, d] = parts.map(Number);
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return undefined;
  return `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
}

// Proper nouns a label may start with, which keep their capitals inside a sentence.
const PROPER_START = /^(?:Home Office|Duty to Notify|Modern Slavery|Single Competent Authority|Immigration Enforcement)\b/;

/**
 * A label as the end of a sentence, such as a "Change" link's hidden text ("Change date of birth"): its first letter
 * lower-cased, the rest as written ("consents to an NRM referral"), and left whole when it starts with an acronym or
 * a word in mixed case (NHS, UK, DtN) or a proper noun (Home Office), which a screen reader would otherwise misread.
 */
export function inSentence(label: string): string {
  const first = /^\S+/.exec(label)?.[0] ?? '';
  if (first === 'I' || PROPER_START.test(label) || /\p{Lu}/u.test(first.slice(1))) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
