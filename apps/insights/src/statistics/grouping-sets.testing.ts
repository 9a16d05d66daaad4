import type { ReferralGroupRow, StatisticsGroupingSet, StatisticsReading } from '@app/database';

/** A group of referrals with every attribute, as a spec describes a population (test support only). */
export type FullGroup = Omit<ReferralGroupRow, 'set'>;

export function fullGroup(overrides: Partial<FullGroup> = {}): FullGroup {
  return {
    kind: 'nrm',
    under18: 'no',
    under18DuringExploitation: 'no',
    ageNowBand: null,
    ageAtStartBand: null,
    exploitationLocation: 'uk',
    gender: 'female',
    nationality: 'ALB',
    secondNationality: null,
    exploitationTypes: ['sexual'],
    organisationType: 'police',
    caseSystem: 'AIS',
    source: 'referral_hub',
    submission: 'logged',
    countyLines: false,
    quarterStart: '2025-04-01',
    referrals: 1,
    individuals: 1,
    quarterIndividuals: 1,
    ...overrides,
  };
}

const SETS: Readonly<Record<Exclude<StatisticsGroupingSet, 'total'>, readonly (keyof FullGroup)[]>> = {
  kind: ['kind'],
  age: ['under18', 'under18DuringExploitation', 'ageNowBand', 'ageAtStartBand', 'exploitationLocation'],
  gender: ['gender'],
  nationality: ['nationality', 'secondNationality'],
  exploitationType: ['exploitationTypes'],
  firstResponderType: ['organisationType'],
  caseSystem: ['caseSystem'],
  source: ['source'],
  submission: ['submission'],
  countyLines: ['countyLines'],
  quarter: ['quarterStart'],
  quarterSubmission: ['quarterStart', 'submission'],
};

const NONE: Omit<FullGroup, 'referrals' | 'individuals' | 'quarterIndividuals'> = {
  kind: null,
  under18: null,
  under18DuringExploitation: null,
  ageNowBand: null,
  ageAtStartBand: null,
  exploitationLocation: null,
  gender: null,
  nationality: null,
  secondNationality: null,
  exploitationTypes: null,
  organisationType: null,
  caseSystem: null,
  source: null,
  submission: null,
  countyLines: null,
  quarterStart: null,
};

/** What the statistics SQL answers for these groups: each grouping set summed, as GROUP BY GROUPING SETS does. */
export function readingOf(groups: readonly FullGroup[], decisionGroups: StatisticsReading['decisionGroups'] = []): StatisticsReading {
  const rows: ReferralGroupRow[] = [];
  const sum = (gs: readonly FullGroup[]) => ({
    referrals: gs.reduce((n, g) => n + g.referrals, 0),
    individuals: gs.reduce((n, g) => n + g.individuals, 0),
    quarterIndividuals: gs.reduce((n, g) => n + g.quarterIndividuals, 0),
  });
  rows.push({ set: 'total', ...NONE, ...sum(groups) });
  for (const [set, columns] of Object.entries(SETS) as Array<[StatisticsGroupingSet, (keyof FullGroup)[]]>) {
    const byKey = new Map<string, FullGroup[]>();
    for (const g of groups) {
      const key = JSON.stringify(columns.map((c) => g[c]));
      byKey.set(key, [...(byKey.get(key) ?? []), g]);
    }
    for (const gs of byKey.values()) {
      const values = Object.fromEntries(columns.map((c) => [c, gs[0][c]]));
      rows.push({ set, ...NONE, ...values, ...sum(gs) });
    }
  }
  return { dataCutOff: new Date('2025-07-07T06:00:00Z'), referralGroups: rows, decisionGroups };
}
