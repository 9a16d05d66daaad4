import fc from 'fast-check';
import { nextDay } from './calendar-date';
import {
  Period,
  financialYearPeriod,
  monthPeriod,
  parsePeriod,
  periodContaining,
  periodEndExclusive,
  periodFromTo,
  periodIncludes,
  quarterPeriod,
  quartersIn,
} from './period';
import { InvalidDateError, InvalidPeriodError } from './statistics.errors';
import { thrownBy } from '../../../test/support/thrown';

describe(parsePeriod.name, () => {
  it('reads a month', () => {
    expect(parsePeriod('2025-04')).toEqual({
      kind: 'month',
      code: '2025-04',
      label: 'April 2025',
      from: '2025-04-01',
      to: '2025-04-30',
    });
  });

  it('ends February on the 29th in a leap year', () => {
    expect(parsePeriod('2024-02').to).toBe('2024-02-29');
  });

  it('ends February on the 28th in a century year that is not a leap year', () => {
    expect(parsePeriod('1900-02').to).toBe('1900-02-28');
  });

  it('reads a calendar quarter as the Home Office uses it', () => {
    expect(parsePeriod('2025-Q2')).toEqual({
      kind: 'quarter',
      code: '2025-Q2',
      label: 'Q2 2025 (April to June)',
      from: '2025-04-01',
      to: '2025-06-30',
    });
  });

  it('reads a quarter written with a small q', () => {
    expect(parsePeriod('2023-q4').code).toBe('2023-Q4');
  });

  it('reads a financial year from 1 April to 31 March', () => {
    expect(parsePeriod('2018/19')).toEqual({
      kind: 'financial_year',
      code: '2018/19',
      label: '2018/19 (April 2018 to March 2019)',
      from: '2018-04-01',
      to: '2019-03-31',
    });
  });

  it('reads a financial year across a century', () => {
    expect(parsePeriod('1999/00')).toMatchObject({ from: '1999-04-01', to: '2000-03-31' });
  });

  it('reads a from/to range', () => {
    expect(parsePeriod('2025-04-15..2025-05-14')).toEqual({
      kind: 'range',
      code: '2025-04-15..2025-05-14',
      label: '15 April 2025 to 14 May 2025',
      from: '2025-04-15',
      to: '2025-05-14',
    });
  });

  it('ignores surrounding spaces', () => {
    expect(parsePeriod(' 2025-04 ').code).toBe('2025-04');
  });

  it.each(['2025-04', '2025-Q1', '2018/19', '2025-01-01..2025-01-01'])('reads back the code of %s', (code) => {
    const period = parsePeriod(code);
    expect(parsePeriod(period.code)).toEqual(period);
  });

  it.each([
    ['2025-13', 'month_out_of_range'],
    ['2025-00', 'month_out_of_range'],
    ['2025-Q5', 'quarter_out_of_range'],
    ['2025-Q0', 'quarter_out_of_range'],
    ['2018/20', 'financial_year_not_consecutive'],
    ['2018/18', 'financial_year_not_consecutive'],
    ['1899-12', 'year_out_of_range'],
    ['9999/00', 'year_out_of_range'],
    ['2025-02-30..2025-03-31', 'invalid_date'],
    ['2025-05-01..2025-04-30', 'from_after_to'],
    ['April 2025', 'unrecognised_format'],
    ['2025', 'unrecognised_format'],
    ['2018-19', 'month_out_of_range'],
    ['', 'unrecognised_format'],
  ])('refuses "%s" as %s', (input, problem) => {
    expect(thrownBy(() => parsePeriod(input))).toMatchObject({ problem, input: input.trim() });
  });

  it('throws the typed InvalidPeriodError with a message naming the input', () => {
    expect(() => parsePeriod('2025-Q5')).toThrow(new InvalidPeriodError('2025-Q5', 'quarter_out_of_range'));
  });
});

describe(periodFromTo.name, () => {
  it('labels a single day by its date', () => {
    expect(periodFromTo('2025-04-01', '2025-04-01').label).toBe('1 April 2025');
  });

  it('names a reversed range', () => {
    expect(thrownBy(() => periodFromTo('2025-04-02', '2025-04-01'))).toMatchObject({ problem: 'from_after_to' });
  });

  it('names a date before 1900 as out of range', () => {
    expect(thrownBy(() => periodFromTo('1899-04-02', '2025-04-01'))).toMatchObject({ problem: 'year_out_of_range' });
  });
});

describe(monthPeriod.name, () => {
  it('refuses month 13', () => {
    expect(() => monthPeriod(2025, 13)).toThrow(InvalidPeriodError);
  });
});

describe(quarterPeriod.name, () => {
  it('ends the fourth quarter on 31 December', () => {
    expect(quarterPeriod(2023, 4)).toMatchObject({ from: '2023-10-01', to: '2023-12-31' });
  });
});

describe(financialYearPeriod.name, () => {
  it('ends on 31 March of the next year', () => {
    expect(financialYearPeriod(2023).to).toBe('2024-03-31');
  });
});

describe(periodContaining.name, () => {
  it('puts 31 March in the financial year that began the April before', () => {
    expect(periodContaining('2019-03-31', 'financial_year').code).toBe('2018/19');
  });

  it('puts 1 April in the financial year it begins', () => {
    expect(periodContaining('2019-04-01', 'financial_year').code).toBe('2019/20');
  });

  it('puts 31 March in the first quarter', () => {
    expect(periodContaining('2025-03-31', 'quarter').code).toBe('2025-Q1');
  });

  it('puts 1 April in the second quarter', () => {
    expect(periodContaining('2025-04-01', 'quarter').code).toBe('2025-Q2');
  });

  it('puts 29 February in its month', () => {
    expect(periodContaining('2024-02-29', 'month')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('refuses a date that does not exist', () => {
    expect(() => periodContaining('2023-02-29', 'month')).toThrow(InvalidDateError);
  });
});

describe(periodIncludes.name, () => {
  const year = parsePeriod('2018/19');

  it.each([
    ['2018-04-01', true],
    ['2019-03-31', true],
    ['2018-03-31', false],
    ['2019-04-01', false],
  ])('answers %s → %s, both bounds inclusive', (date, included) => {
    expect(periodIncludes(year, date)).toBe(included);
  });
});

describe(periodEndExclusive.name, () => {
  it('is 1 April after a financial year', () => {
    expect(periodEndExclusive(parsePeriod('2018/19'))).toBe('2019-04-01');
  });

  it('is 1 March after February of a leap year', () => {
    expect(periodEndExclusive(parsePeriod('2024-02'))).toBe('2024-03-01');
  });

  it('is 1 January after December', () => {
    expect(periodEndExclusive(parsePeriod('2024-12'))).toBe('2025-01-01');
  });
});

describe(quartersIn.name, () => {
  it('splits a financial year into its four calendar quarters', () => {
    expect(quartersIn(parsePeriod('2018/19')).map((q) => q.code)).toEqual(['2018-Q2', '2018-Q3', '2018-Q4', '2019-Q1']);
  });

  it('answers a quarter with itself', () => {
    expect(quartersIn(parsePeriod('2025-Q3'))).toEqual([parsePeriod('2025-Q3')]);
  });

  it('cuts a quarter partly outside the period to the period and says which quarter it is', () => {
    expect(quartersIn(parsePeriod('2025-02-15..2025-04-30'))).toEqual([
      {
        kind: 'range',
        code: '2025-02-15..2025-03-31',
        label: 'Q1 2025 (15 February to 31 March)',
        from: '2025-02-15',
        to: '2025-03-31',
      },
      {
        kind: 'range',
        code: '2025-04-01..2025-04-30',
        label: 'Q2 2025 (1 April to 30 April)',
        from: '2025-04-01',
        to: '2025-04-30',
      },
    ]);
  });

  it('covers any period day by day, without gap or overlap', () => {
    const date = fc
      .date({ min: new Date(Date.UTC(2015, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (a, b) => {
        const period = a <= b ? periodFromTo(a, b) : periodFromTo(b, a);
        const quarters: Period[] = quartersIn(period);
        expect(quarters[0].from).toBe(period.from);
        expect(quarters[quarters.length - 1].to).toBe(period.to);
        quarters.slice(1).forEach((q, i) => expect(q.from).toBe(nextDay(quarters[i].to)));
        quarters.forEach((q) => expect(periodContaining(q.from, 'quarter').code).toBe(periodContaining(q.to, 'quarter').code));
      }),
    );
  });
});
