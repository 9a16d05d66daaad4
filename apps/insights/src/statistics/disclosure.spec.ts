import { auditTablesSharingTotal, parsePeriod } from '@app/statistics';
import { publishFigures } from './disclosure';
import { buildFigures } from './figures';
import type { ReferralGroupRow, StatisticsReading } from '@app/database';

// The same row factory as figures.spec.ts (a spec cannot import another without running it).
function group(overrides: Partial<ReferralGroupRow> = {}): ReferralGroupRow {
  return {
    kind: 'nrm',
    under18: 'no',
    under18DuringExploitation: 'no',
    ageNowBand: null,
    ageAtStartBand: null,
    gender: 'female',
    nationality: 'ALB',
    secondNationality: null,
    exploitationTypes: ['sexual'],
    exploitationLocation: 'uk',
    organisationType: 'police',
    caseSystem: 'AIS',
    quarterStart: '2025-04-01',
    referrals: 1,
    individuals: 1,
    quarterIndividuals: 1,
    ...overrides,
  };
}

function reading(groups: ReferralGroupRow[], individuals?: number): StatisticsReading {
  const referrals = groups.reduce((n, g) => n + g.referrals, 0);
  return {
    dataCutOff: new Date('2025-07-07T06:00:00Z'),
    referralGroups: groups,
    totals: { referrals, individuals: individuals ?? groups.reduce((n, g) => n + g.individuals, 0) },
    decisionGroups: [],
  };
}

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
});
