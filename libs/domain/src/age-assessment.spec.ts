import { isCurrentFinding, refuseAgeAssessment } from './age-assessment';
import { refuseRecordedDay } from './recorded-day';

const context = { today: '2026-12-07', referredOn: '2026-05-04' };
const paths = (v: Array<{ path: string }>): string[] => v.map((x) => x.path);

describe(refuseRecordedDay.name, () => {
  it('refuses a day in the future or before the referral, naming the field', () => {
    expect(refuseRecordedDay('on', '2026-12-07', context)).toEqual([]);
    expect(refuseRecordedDay('on', '2026-05-04', context)).toEqual([]);
    expect(refuseRecordedDay('on', '2026-12-08', context)).toEqual([{ path: 'on', message: 'on must not be in the future' }]);
    expect(refuseRecordedDay('decidedOn', '2026-05-03', context)).toEqual([
      { path: 'decidedOn', message: 'decidedOn must not be before the referral (2026-05-04)' },
    ]);
  });
});

describe(refuseAgeAssessment.name, () => {
  it('accepts a finding that agrees with its date of birth, or one without a date of birth', () => {
    expect(refuseAgeAssessment({ assessedOn: '2026-06-01', outcome: 'adult', assessedDateOfBirth: '2008-06-01' }, context)).toEqual([]);
    expect(refuseAgeAssessment({ assessedOn: '2026-06-01', outcome: 'child', assessedDateOfBirth: '2008-06-02' }, context)).toEqual([]);
    expect(refuseAgeAssessment({ assessedOn: '2026-06-01', outcome: 'adult' }, context)).toEqual([]);
    expect(refuseAgeAssessment({ assessedOn: '2026-06-01', outcome: 'child', assessedDateOfBirth: null }, context)).toEqual([]);
  });

  it('refuses an assessment in the future or before the referral (the tester’s 2030 and 1990)', () => {
    expect(paths(refuseAgeAssessment({ assessedOn: '2030-01-01', outcome: 'adult', assessedDateOfBirth: '2000-01-01' }, context))).toEqual(['assessedOn']);
    expect(refuseAgeAssessment({ assessedOn: '1990-01-01', outcome: 'child' }, context)).toEqual([
      { path: 'assessedOn', message: 'assessedOn must not be before the referral (2026-05-04)' },
    ]);
  });

  it('refuses a date of birth that contradicts the finding on the day assessed', () => {
    // The tester's case: an "adult" finding with a date of birth that makes the person 14.
    expect(paths(refuseAgeAssessment({ assessedOn: '2030-01-01', outcome: 'adult', assessedDateOfBirth: '2012-01-01' }, context))).toEqual([
      'assessedOn',
      'assessedDateOfBirth',
    ]);
    expect(refuseAgeAssessment({ assessedOn: '2026-06-01', outcome: 'adult', assessedDateOfBirth: '2012-01-01' }, context)).toEqual([
      expect.objectContaining({ path: 'assessedDateOfBirth', message: expect.stringContaining('makes the person 14 on 2026-06-01') }),
    ]);
    // The day before the 18th birthday is still a child; the birthday itself an adult.
    expect(paths(refuseAgeAssessment({ assessedOn: '2026-06-01', outcome: 'adult', assessedDateOfBirth: '2008-06-02' }, context))).toEqual([
      'assessedDateOfBirth',
    ]);
    expect(paths(refuseAgeAssessment({ assessedOn: '2026-06-01', outcome: 'child', assessedDateOfBirth: '2008-06-01' }, context))).toEqual([
      'assessedDateOfBirth',
    ]);
  });

  it('refuses a date of birth in the future, after the assessment, or not after 1900-01-01', () => {
    expect(refuseAgeAssessment({ assessedOn: '2026-06-01', outcome: 'child', assessedDateOfBirth: '2027-01-01' }, context)).toEqual([
      { path: 'assessedDateOfBirth', message: 'assessedDateOfBirth must not be in the future' },
    ]);
    expect(refuseAgeAssessment({ assessedOn: '2026-06-01', outcome: 'child', assessedDateOfBirth: '2026-07-01' }, context)).toEqual([
      { path: 'assessedDateOfBirth', message: 'assessedDateOfBirth must not be after assessedOn' },
    ]);
    expect(paths(refuseAgeAssessment({ assessedOn: '2026-06-01', outcome: 'adult', assessedDateOfBirth: '1900-01-01' }, context))).toEqual([
      'assessedDateOfBirth',
    ]);
  });
});

describe(isCurrentFinding.name, () => {
  const recorded = [{ assessedOn: '2026-06-01', outcome: 'child' as const, assessedDateOfBirth: null }];
  it('is the current finding unless one already recorded was assessed on a later day', () => {
    expect(isCurrentFinding([], '2026-01-01')).toBe(true);
    expect(isCurrentFinding(recorded, '2026-06-02')).toBe(true);
    // The same day: recorded later, so it is the latest (latestAssessment breaks the tie by recording time).
    expect(isCurrentFinding(recorded, '2026-06-01')).toBe(true);
    expect(isCurrentFinding(recorded, '2026-05-31')).toBe(false);
  });
});
