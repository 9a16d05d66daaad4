import { addWorkingDays } from '@app/domain';
import { latestOverdueLoggedOn, submittedInFuture } from './home-office-submission.service';

describe(latestOverdueLoggedOn.name, () => {
  it('lists on Wednesday what was logged by Monday, with 2 working days', () => {
    expect(latestOverdueLoggedOn('2026-12-02', 2)).toBe('2026-11-30');
  });

  it('lists on Monday what was logged by Thursday, across the weekend', () => {
    expect(latestOverdueLoggedOn('2026-12-07', 2)).toBe('2026-12-03');
  });

  it('lists at once with 0 working days', () => {
    expect(latestOverdueLoggedOn('2026-12-02', 0)).toBe('2026-12-02');
  });

  it('agrees with the due day: the day after the latest is not yet due', () => {
    for (const today of ['2026-12-01', '2026-12-29', '2027-01-04']) {
      const latest = latestOverdueLoggedOn(today, 2);
      expect(addWorkingDays(latest, 2) <= today).toBe(true);
      const next = new Date(`${latest}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(addWorkingDays(next.toISOString().slice(0, 10), 2) > today).toBe(true);
    }
  });
});

describe(submittedInFuture.name, () => {
  it("takes today's UK date between midnight and 1am in British Summer Time", () => {
    // 00:30 on 8 July in the UK is 23:30 on 7 July UTC.
    const now = new Date('2026-07-07T23:30:00Z');
    expect(submittedInFuture('2026-07-08', now)).toBe(false);
    expect(submittedInFuture('2026-07-09', now)).toBe(true);
  });

  it("refuses tomorrow's date in the last minute of a winter day", () => {
    const now = new Date('2026-12-07T23:59:30Z');
    expect(submittedInFuture('2026-12-08', now)).toBe(true);
    expect(submittedInFuture('2026-12-07', now)).toBe(false);
  });

  it('compares a date-time as an instant, allowing a minute for the clocks', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(submittedInFuture('2026-12-07T10:00:30Z', now)).toBe(false);
    expect(submittedInFuture('2026-12-07T10:05:00Z', now)).toBe(true);
  });
});
