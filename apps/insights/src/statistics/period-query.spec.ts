import { InvalidRequestError } from '@app/common';
import { resolvePeriod } from './period-query';

const refusal = (query: Parameters<typeof resolvePeriod>[0]): unknown => {
  try {
    resolvePeriod(query);
  } catch (error) {
    if (error instanceof InvalidRequestError) return error.errors;
    throw error;
  }
  throw new Error('the period was accepted');
};

describe(resolvePeriod.name, () => {
  it('reads from and to as a span of days', () => {
    expect(resolvePeriod({ from: '2025-04-01', to: '2025-06-30' })).toMatchObject({ kind: 'range', from: '2025-04-01', to: '2025-06-30' });
  });

  it('names a bound that is no calendar date', () => {
    expect(refusal({ from: '2025-02-30', to: '2025-06-30' })).toEqual([{ path: 'from', message: 'from must be a calendar date written YYYY-MM-DD' }]);
    expect(refusal({ from: '2025-04-01', to: '30/06/2025' })).toEqual([{ path: 'to', message: 'to must be a calendar date written YYYY-MM-DD' }]);
  });

  it('names the range for a well-written day outside it, rather than the way to write a date', () => {
    expect(refusal({ from: '1899-12-31', to: '2025-06-30' })).toEqual([{ path: 'from', message: 'from must be a day from 1900-01-01 to 9999-12-31' }]);
    expect(refusal({ from: '1899-12-31', to: '2025-02-30' })).toEqual([
      { path: 'from', message: 'from must be a day from 1900-01-01 to 9999-12-31' },
      { path: 'to', message: 'to must be a calendar date written YYYY-MM-DD' },
    ]);
  });
});
