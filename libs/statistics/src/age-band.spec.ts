import fc from 'fast-check';
import { ageGroupOf, type AgeBand, type AgeBandFacts } from './age-band';
import { ageGroupAtExploitation } from './age-group';
import { ageOn } from './calendar-date';

const date = fc
  .date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const answer = fc.constantFrom('yes', 'no', 'not_sure');

/** The bands the statistics SQL computes (central.age_on is @app/statistics ageOn in SQL). */
function bands(dateOfBirth: string | null, referredOn: string, start: string | null): Pick<AgeBandFacts, 'ageNowBand' | 'ageAtStartBand'> {
  const band = (age: number): AgeBand => (age < 18 ? 'child' : 'adult');
  return {
    ageNowBand: dateOfBirth ? band(ageOn(dateOfBirth, referredOn)) : null,
    ageAtStartBand: dateOfBirth && start && start >= dateOfBirth ? band(ageOn(dateOfBirth, start)) : null,
  };
}

describe(ageGroupOf.name, () => {
  it('agrees with ageGroupAtExploitation on the dates themselves', () => {
    fc.assert(
      fc.property(
        answer,
        fc.option(answer, { nil: null }),
        fc.option(date, { nil: null }),
        date,
        fc.option(date, { nil: null }),
        (under18, duringExploitation, dateOfBirth, referredOn, start) => {
          const expected = ageGroupAtExploitation({
            under18,
            under18DuringExploitation: duringExploitation,
            dateOfBirth,
            referredOn,
            exploitationStartDate: start,
          });
          expect(ageGroupOf({ under18, under18DuringExploitation: duringExploitation, ...bands(dateOfBirth, referredOn, start) })).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('keeps a child at exploitation a child after they turn 18', () => {
    expect(ageGroupOf({ under18: 'no', under18DuringExploitation: 'yes', ageNowBand: 'adult', ageAtStartBand: null })).toBe('Child (17 or under)');
  });
});
