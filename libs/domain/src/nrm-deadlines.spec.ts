import { latestOverdueStart, monthsBetween, reasonableGroundsDueOn, worklistDays } from './nrm-deadlines';

describe(reasonableGroundsDueOn.name, () => {
  it('is five working days on, across Christmas, the substitute Boxing Day and New Year', () => {
    expect(reasonableGroundsDueOn('2026-12-24')).toBe('2027-01-05');
  });
});

describe(latestOverdueStart.name, () => {
  it('makes a case started on 24 December 2026 overdue on 6 January 2027, not on the 5th', () => {
    expect(latestOverdueStart('2027-01-05') < '2026-12-24').toBe(true);
    expect(latestOverdueStart('2027-01-06') >= '2026-12-24').toBe(true);
  });

  it('is the latest such day', () => {
    const day = latestOverdueStart('2027-01-06');
    expect(reasonableGroundsDueOn(day) < '2027-01-06').toBe(true);
    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(reasonableGroundsDueOn(next.toISOString().slice(0, 10)) >= '2027-01-06').toBe(true);
  });
});

describe(monthsBetween.name, () => {
  it.each([
    ['2026-01-31', '2026-02-28', 0],
    ['2026-01-31', '2026-03-01', 1],
    ['2026-05-15', '2026-11-15', 6],
    ['2026-05-15', '2026-11-14', 5],
    ['2026-05-15', '2026-05-01', 0],
  ])('%s to %s is %i', (from, to, months) => {
    expect(monthsBetween(from, to)).toBe(months);
  });
});

describe(worklistDays.name, () => {
  it('runs from the start of the NRM to the end of the fifth year ahead, and the deadlines can be counted on both ends', () => {
    expect(worklistDays('2026-12-07')).toEqual({ first: '2009-04-01', last: '2031-12-31' });
    expect(latestOverdueStart('2031-12-31')).toMatch(/^2031-12-\d{2}$/);
    expect(latestOverdueStart('2009-04-01')).toMatch(/^2009-03-\d{2}$/);
  });
});
