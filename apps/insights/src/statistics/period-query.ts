import { InvalidRequestError } from '@app/common';
import { ukDateOn, type FieldViolation } from '@app/domain';
import {
  CALENDAR_DAYS,
  InvalidPeriodError,
  PUBLISHED_PERIODS_TEXT,
  Period,
  UnpublishedPeriodError,
  parsePeriod,
  parsePublishedPeriod,
  periodFromTo,
} from '@app/statistics';

export interface PeriodQuery {
  period?: string;
  from?: string;
  to?: string;
}

/** A period from `period=2025-Q2|2025-04|2018/19` or `from=YYYY-MM-DD&to=YYYY-MM-DD`; anything else is a 400. */
export function resolvePeriod(query: PeriodQuery): Period {
  const { period, from, to } = query;
  if (period !== undefined && (from !== undefined || to !== undefined)) {
    throw new InvalidRequestError([{ path: 'period', message: 'give either period or from and to, not both' }]);
  }
  try {
    if (period !== undefined) return parsePeriod(period);
    if (from === undefined && to === undefined) {
      throw new InvalidRequestError([
        { path: 'period', message: 'give a period (a month "2025-04", a quarter "2025-Q2", a financial year "2018/19") or from and to' },
      ]);
    }
    const missing = [...(from === undefined ? ['from'] : []), ...(to === undefined ? ['to'] : [])];
    if (missing.length > 0) {
      throw new InvalidRequestError(missing.map((path) => ({ path, message: `${path} is required with ${path === 'from' ? 'to' : 'from'}` })));
    }
    return periodFromTo(from as string, to as string);
  } catch (error) {
    if (error instanceof InvalidPeriodError) {
      if (period !== undefined) throw new InvalidRequestError([{ path: 'period', message: error.message }]);
      if (error.problem === 'from_after_to') throw new InvalidRequestError([{ path: 'to', message: 'to must not be before from' }]);
      throw new InvalidRequestError((['from', 'to'] as const).flatMap((path) => dateViolations(path, query[path])));
    }
    throw error;
  }
}

/** A bound that is no calendar date, or a well-written one outside the days the calendar can write (1899-12-31). */
function dateViolations(path: 'from' | 'to', date: string | undefined): FieldViolation[] {
  try {
    periodFromTo(date ?? '', date ?? '');
    return [];
  } catch (error) {
    const outOfRange = error instanceof InvalidPeriodError && error.problem === 'year_out_of_range';
    const message = outOfRange
      ? `${path} must be a day from ${CALENDAR_DAYS.first} to ${CALENDAR_DAYS.last}`
      : `${path} must be a calendar date written YYYY-MM-DD`;
    return [{ path, message }];
  }
}

/**
 * The period of a published-tier read: `period=` naming a calendar quarter or a financial year, nothing else. Any
 * span of days, a month, or `from`/`to` is a 400 naming the periods the reader may ask for, so that no two
 * published reads overlap in part and can be subtracted.
 */
export function resolvePublishedPeriod(query: PeriodQuery): Period {
  const { period, from, to } = query;
  const message = `published figures are for whole periods only: give period as ${PUBLISHED_PERIODS_TEXT}`;
  if (from !== undefined || to !== undefined) {
    throw new InvalidRequestError([
      ...(period === undefined ? [{ path: 'period', message }] : []),
      ...[
        ['from', from],
        ['to', to],
      ]
        .filter(([, v]) => v !== undefined)
        .map(([path]) => ({ path: path as string, message })),
    ]);
  }
  if (period === undefined) throw new InvalidRequestError([{ path: 'period', message }]);
  try {
    return parsePublishedPeriod(period, ukDateOn());
  } catch (error) {
    if (error instanceof UnpublishedPeriodError) throw new InvalidRequestError([{ path: 'period', message: error.message }]);
    throw error;
  }
}
