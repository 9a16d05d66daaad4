import { auditTablesSharingTotal, parsePeriod } from '@app/statistics';
import { publishFigures } from './disclosure';
import { buildFigures } from './figures';
import { fullGroup as group, readingOf as reading } from './grouping-sets.testing';

describe(publishFigures.name, () => {
  const figures = buildFigures(
    reading([
      group({ gender: 'male', referrals: 40, individuals: 38, quarterIndividuals: 38 }),
      group({ gender: 'female', referrals: 20, individuals: 20, quarterIndividuals: 20 }),
      group({ gender: 'other', nationality: 'ERI', referrals: 3, individuals: 3, quarterIndividuals: 3 }),
    ]),
    parsePeriod('2025-Q2'),
  );
  const { figures: published, disclosure } = publishFigures(figures);

  it('shows 1 to 5 as "c", zero as 0, and large counts as they are', () => {
    expect(published.referrals.breakdowns.gender.cells).toEqual([
      { label: 'Female', count: 'c' },
      { label: 'Male', count: 40 },
      { label: 'Other', count: 'c' },
      { label: 'Not recorded', count: 0 },
    ]);
    expect(published.referrals.total).toBe(63);
  });

  it('suppresses a second cell where one "c" could be worked out from the total', () => {
    expect(disclosure.primary).toBeGreaterThan(0);
    expect(disclosure.secondary).toBeGreaterThan(0);
  });

  it('publishes tables a reader cannot work any "c" out of, all of a population read together', () => {
    const { breakdowns } = published.referrals;
    const audit = auditTablesSharingTotal({
      breakdowns: [breakdowns.kind, breakdowns.gender, breakdowns.nationality, breakdowns.exploitationType, breakdowns.firstResponderType, breakdowns.caseSystem],
      crossTabs: [published.referrals.ageGroupByLocation],
    });
    expect(audit.safe).toBe(true);
  });

  it("shows a single quarter's individuals as the period's individuals", () => {
    expect(published.quarters[0].individuals).toBe(published.individuals.total);
  });

  it("hides every quarter's individuals when the period's are hidden, even a total suppressed only to protect its cells", () => {
    // Six people of six nationalities: every nationality is a 1, so the total 6 would give them all away.
    const nationalities = ['ALB', 'GBR', 'VNM', 'ERI', 'ROU', 'POL'];
    const year = buildFigures(
      reading(nationalities.map((nationality) => group({ nationality, quarterStart: '2025-07-01' }))),
      parsePeriod('2025/26'),
    );
    const shown = publishFigures(year).figures;
    expect(shown.individuals.total).toBe('c');
    expect(shown.quarters.map((q) => q.individuals)).toEqual([0, 'c', 0, 0]);
  });
});
