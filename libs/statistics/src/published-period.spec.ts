import { parsePeriod } from './period';
import { UnpublishedPeriodError, parsePublishedPeriod, periodsOf, publicationSetOf } from './published-period';

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
