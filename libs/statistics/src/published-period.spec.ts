import { parsePeriod } from './period';
import { UnpublishedPeriodError, UnsupportedPeriodError, parsePublishedPeriod, periodsOf, publicationSetOf, publishedFinancialYears } from './published-period';

describe(parsePublishedPeriod.name, () => {
  it('reads a calendar quarter and a financial year', () => {
    expect(parsePublishedPeriod('2026-Q4')).toMatchObject({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(parsePublishedPeriod('2026/27')).toMatchObject({ kind: 'financial_year', from: '2026-04-01', to: '2027-03-31' });
  });

  it.each(['2026-10', '2026-10-01..2026-10-01', '2026-10-01..2026-12-30', 'Q4', ''])('refuses "%s", naming the periods it may ask for', (text) => {
    expect(() => parsePublishedPeriod(text)).toThrow(UnpublishedPeriodError);
    expect(() => parsePublishedPeriod(text)).toThrow(/calendar quarter such as "2026-Q4".*financial year .*"2026\/27"/);
  });
});

describe(publicationSetOf.name, () => {
  it("puts a quarter with the financial year it lies in and that year's other quarters", () => {
    const set = publicationSetOf(parsePeriod('2027-Q1'));
    expect(set.financialYear.code).toBe('2026/27');
    expect(set.quarters.map((q) => q.code)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
    expect(periodsOf(set).map((p) => p.code)).toEqual(['2026/27', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
  });

  it('gives every quarter of a year the same set, and Q1 of a year to the financial year before', () => {
    const codes = (code: string) => periodsOf(publicationSetOf(parsePeriod(code))).map((p) => p.code);
    expect(codes('2026-Q2')).toEqual(codes('2026/27'));
    expect(codes('2026-Q1')[0]).toBe('2025/26');
  });

  it('has no set for a month or a range', () => {
    expect(() => publicationSetOf(parsePeriod('2026-04'))).toThrow(UnpublishedPeriodError);
  });
});

describe('the financial years published figures are offered for', () => {
  const today = '2026-12-07';
  it('are 1900/01 to five years after the current one', () => {
    expect(publishedFinancialYears(today)).toMatchObject({ first: { code: '1900/01' }, last: { code: '2031/32' } });
    expect(parsePublishedPeriod('1900-Q2', today)).toMatchObject({ from: '1900-04-01' });
    expect(parsePublishedPeriod('1900/01', today)).toMatchObject({ kind: 'financial_year' });
    expect(parsePublishedPeriod('2032-Q1', today)).toMatchObject({ to: '2032-03-31' });
    expect(parsePublishedPeriod('2031/32', today)).toMatchObject({ kind: 'financial_year' });
  });

  it.each(['1900-Q1', '9999-Q4', '2032-Q2', '2032/33', '9998/99'])('refuses %s, saying which periods there are', (text) => {
    expect(() => parsePublishedPeriod(text, today)).toThrow(UnsupportedPeriodError);
    expect(() => parsePublishedPeriod(text, today)).toThrow(/from April 1900 \(1900\/01\) to March 2032 \(2031\/32\)/);
  });

  it('leaves every period it accepts a publication set the calendar can write', () => {
    const { first, last } = publishedFinancialYears(today);
    expect(periodsOf(publicationSetOf(parsePublishedPeriod('1900-Q2', today)))[0]).toEqual(first);
    expect(periodsOf(publicationSetOf(parsePublishedPeriod('2032-Q1', today)))[0]).toEqual(last);
  });
});
