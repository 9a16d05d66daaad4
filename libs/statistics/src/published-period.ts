import { MIN_YEAR, type CalendarDate } from './calendar-date';
import { Period, financialYearPeriod, parsePeriod, periodContaining, quartersIn } from './period';
import { InvalidPeriodError, StatisticsError } from './statistics.errors';

/**
 * The published tier reads whole, documented periods only: calendar quarters and financial years. Any span of days
 * would let a reader difference two overlapping windows (a quarter, then the same quarter less its last day) and
 * recover counts that each window on its own suppresses. Every published period lies inside one financial year,
 * and a financial year is its four calendar quarters, so a financial year and its quarters are one publication
 * set, protected and audited together (see `publicationSetOf`). Months are not offered: twelve more tables per
 * year, each a partition of its quarter, would multiply the cells hidden to protect them.
 */
export const PUBLISHED_PERIOD_KINDS = ['quarter', 'financial_year'] as const;
export type PublishedPeriodKind = (typeof PUBLISHED_PERIOD_KINDS)[number];

/** What a published-tier reader is told it may ask for. */
export const PUBLISHED_PERIODS_TEXT = 'a calendar quarter such as "2026-Q4" or a financial year (April to March) such as "2026/27"';

export class UnpublishedPeriodError extends StatisticsError {
  readonly problem = 'not_a_published_period';

  constructor(readonly input: string) {
    super(`"${input}" is not a published period: the published figures are for ${PUBLISHED_PERIODS_TEXT}`);
  }
}

/**
 * The financial years published figures are offered for: from 1900/01, the first the calendar holds whole (it
 * starts in 1900, as dates of birth do; the figures count every modern-slavery record the council holds, a
 * practitioner's record older than the NRM included, so there is no later floor), to five years after the current
 * one (a board setting its calendar). Outside them a period's publication set reaches financial years the calendar
 * cannot write (1900-Q1 lies in 1899/00, 9999-Q4 in 9999/10000), and nothing could be counted there anyway.
 */
export const FIRST_PUBLISHED_FINANCIAL_YEAR = MIN_YEAR;
export const PUBLISHED_FINANCIAL_YEARS_AHEAD = 5;

/** The first and last financial years published figures are offered for on `today` (YYYY-MM-DD). */
export function publishedFinancialYears(today: CalendarDate): { first: Period; last: Period } {
  const current = periodContaining(today, 'financial_year');
  return {
    first: financialYearPeriod(FIRST_PUBLISHED_FINANCIAL_YEAR),
    last: financialYearPeriod(Number(current.from.slice(0, 4)) + PUBLISHED_FINANCIAL_YEARS_AHEAD),
  };
}

/** A published period outside the financial years published figures are offered for. */
export class UnsupportedPeriodError extends UnpublishedPeriodError {
  constructor(
    input: string,
    readonly first: Period,
    readonly last: Period,
  ) {
    super(input);
    // Worded "period must …" so that a page can say it of the address ("The period in the address must …").
    this.message = `period must be within the published figures, from April ${first.from.slice(0, 4)} (${first.code}) to March ${last.to.slice(0, 4)} (${last.code}); "${input}" is not`;
  }
}

function isPublishedPeriod(period: Period): boolean {
  return (PUBLISHED_PERIOD_KINDS as readonly string[]).includes(period.kind);
}

/**
 * Reads a published period; a month, a range or anything else is an `UnpublishedPeriodError`, and a quarter or
 * financial year outside `publishedFinancialYears(today)` an `UnsupportedPeriodError`.
 */
export function parsePublishedPeriod(text: string, today: CalendarDate = new Date().toISOString().slice(0, 10)): Period {
  let period: Period;
  try {
    period = parsePeriod(text);
  } catch (error) {
    if (error instanceof InvalidPeriodError) throw new UnpublishedPeriodError(text.trim());
    throw error;
  }
  if (!isPublishedPeriod(period)) throw new UnpublishedPeriodError(period.code);
  const { first, last } = publishedFinancialYears(today);
  if (period.from < first.from || period.to > last.to) throw new UnsupportedPeriodError(period.code, first, last);
  return period;
}

/**
 * The periods published together with `period`: the financial year it lies in, then that year's four calendar
 * quarters in order. Quarters belong to exactly one financial year, so these sets never overlap and each can be
 * protected on its own without one set's "c" being worked out from another's figures.
 */
export interface PublicationSet {
  readonly financialYear: Period;
  readonly quarters: readonly Period[];
}

export function publicationSetOf(period: Period): PublicationSet {
  if (!isPublishedPeriod(period)) throw new UnpublishedPeriodError(period.code);
  const financialYear = period.kind === 'financial_year' ? period : periodContaining(period.from, 'financial_year');
  return { financialYear, quarters: quartersIn(financialYear) };
}

/** Every period of a set, the financial year first. */
export function periodsOf(set: PublicationSet): Period[] {
  return [set.financialYear, ...set.quarters];
}
