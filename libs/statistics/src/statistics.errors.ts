/**
 * Domain errors of the statistics library. Each names the problem in a machine-readable `problem` so the
 * insights app's one error filter can map it to a 400 (bad period) or a 500 (a table that breaks its own
 * invariants) without parsing messages.
 */
export abstract class StatisticsError extends Error {
  abstract readonly problem: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export type InvalidDateProblem = 'not_a_calendar_date' | 'year_out_of_range';

export class InvalidDateError extends StatisticsError {
  constructor(
    readonly input: string,
    readonly problem: InvalidDateProblem,
  ) {
    super(problem === 'year_out_of_range' ? `"${input}" has a year outside 1900–9999` : `"${input}" is not a calendar date in the form YYYY-MM-DD`);
  }
}

export type PeriodProblem =
  | 'unrecognised_format'
  | 'month_out_of_range'
  | 'quarter_out_of_range'
  | 'financial_year_not_consecutive'
  | 'year_out_of_range'
  | 'invalid_date'
  | 'from_after_to';

const PERIOD_PROBLEM_TEXT: Readonly<Record<PeriodProblem, string>> = {
  unrecognised_format: 'is not a period: use a month "2025-04", a quarter "2025-Q2", a financial year "2018/19" or "YYYY-MM-DD..YYYY-MM-DD"',
  month_out_of_range: 'has a month outside 01–12',
  quarter_out_of_range: 'has a quarter outside Q1–Q4',
  financial_year_not_consecutive: 'is not a financial year: the second year must follow the first, as in "2018/19"',
  year_out_of_range: 'has a year outside 1900–9999',
  invalid_date: 'contains a date that is not a calendar date in the form YYYY-MM-DD',
  from_after_to: 'starts after it ends',
};

export class InvalidPeriodError extends StatisticsError {
  constructor(
    readonly input: string,
    readonly problem: PeriodProblem,
  ) {
    super(`Period "${input}" ${PERIOD_PROBLEM_TEXT[problem]}`);
  }
}

/** A value read from storage that has no statistics category, e.g. an exploitation type the form never had. */
export class UnknownCategoryError extends StatisticsError {
  readonly problem = 'unknown_category';

  constructor(
    readonly dimension: string,
    readonly value: unknown,
  ) {
    super(`${JSON.stringify(value)} is not a category of ${dimension}`);
  }
}

export type TableProblem =
  'not_a_count' | 'total_mismatch' | 'duplicate_category' | 'repeated_dimension' | 'shape_mismatch' | 'totals_differ' | 'populations_disagree';

/** A table that breaks its own invariants (a breakdown not summing to its total, a negative count, ...). */
export class TableInvariantError extends StatisticsError {
  constructor(
    readonly problem: TableProblem,
    message: string,
  ) {
    super(message);
  }
}

/** A published table whose visible numbers cannot be completed consistently: someone edited it after suppression. */
export class InconsistentPublishedTableError extends StatisticsError {
  readonly problem = 'inconsistent_published_table';
}
