import type { DecisionGroupRow, ReferralGroupRow, StatisticsGroupingSet, StatisticsReading } from '@app/database';
import {
  Breakdown,
  CrossTab,
  type CrossTabShape,
  DIMENSIONS,
  Dimension,
  Period,
  PublishedCount,
  TableInvariantError,
  buildBreakdown,
  buildCrossTab,
  caseSystemLabel,
  columnBreakdown,
  categoricalDimension,
  decisionOutcomeLabel,
  exploitationTypeLabel,
  firstResponderTypeLabel,
  genderLabel,
  kindLabel,
  locationLabel,
  sourceLabel,
  submissionLabel,
  countyLinesLabel,
  nationalityLabel,
  periodContaining,
  quartersIn,
  rowBreakdown,
  ageGroupOf,
  type AgeBandFacts,
} from '@app/statistics';

/** An exact count, or a published one ("c" for a suppressed count). */
export type Count = number | PublishedCount;

export interface BreakdownTable<C extends Count> {
  readonly dimension: string;
  readonly title: string;
  readonly total: C;
  readonly cells: readonly { readonly label: string; readonly count: C }[];
}

export interface CrossTable<C extends Count> extends CrossTabShape<C> {
  readonly title: string;
}

/** The Home Office breakdowns every population is shown by, in the order a report shows them. */
export const BREAKDOWNS = [
  'kind',
  'ageGroup',
  'gender',
  'nationality',
  'exploitationType',
  'firstResponderType',
  'location',
  'caseSystem',
  'source',
  'submission',
  'countyLines',
] as const;
export type BreakdownName = (typeof BREAKDOWNS)[number];

/** Referrals, or individuals: a total with every breakdown of it. */
export interface PopulationFigures<C extends Count> {
  readonly total: C;
  readonly breakdowns: { readonly [name in BreakdownName]: BreakdownTable<C> };
  /** Home Office NRM Table 2 shape; its margins are the age-group and location breakdowns. */
  readonly ageGroupByLocation: CrossTable<C>;
}

/** A calendar quarter of the period (cut to the period where it only partly falls in it). */
export interface QuarterFigures<C extends Count> {
  readonly code: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly referrals: C;
  /** People with a referral in the quarter: a person referred in two quarters counts in both. */
  readonly individuals: C;
  /**
   * Referrals of the quarter whose submission to the Home Office is known (the rest are only logged). Exact
   * figures only: null in what a board sees, which has the period's submission breakdown instead (and a quarter's,
   * asked for as its own period), each protected with the tables that share its total.
   */
  readonly submitted: number | null;
}

/** Decisions made in the period (whenever the referral was made), by the Home Office's outcome × age group. */
export interface DecisionFigures<C extends Count> {
  readonly reasonableGrounds: CrossTable<C>;
  readonly conclusiveGrounds: CrossTable<C>;
  readonly consentToStay: CrossTable<C>;
  readonly withdrawals: BreakdownTable<C>;
}

export interface Figures<C extends Count> {
  readonly referrals: PopulationFigures<C>;
  readonly individuals: PopulationFigures<C>;
  readonly quarters: readonly QuarterFigures<C>[];
  readonly decisions: DecisionFigures<C>;
}

export const TABLE_TITLES: Readonly<Record<BreakdownName | 'quarter' | 'ageGroupByLocation', string>> = {
  kind: 'NRM referral or Duty to Notify',
  ageGroup: 'Age at exploitation',
  gender: 'Gender',
  nationality: 'Nationality',
  exploitationType: 'Exploitation type',
  firstResponderType: 'First responder organisation type',
  location: 'Location of exploitation',
  caseSystem: 'Case system',
  source: 'Where the referral was recorded',
  submission: 'Home Office submission',
  countyLines: 'County lines',
  quarter: 'Quarter',
  ageGroupByLocation: 'Age at exploitation by location of exploitation',
};

export const DECISION_TITLES: Readonly<Record<keyof DecisionFigures<number>, string>> = {
  reasonableGrounds: 'Reasonable grounds decisions by outcome and age at exploitation',
  conclusiveGrounds: 'Conclusive grounds decisions by outcome and age at exploitation',
  consentToStay: 'Decisions at 18 on staying in the NRM by outcome and age at exploitation',
  withdrawals: 'Withdrawals from the NRM by age at exploitation',
};

/** The decision at 18 of a child still awaiting a conclusive grounds decision (docs/domain.md, "Transition at 18"). */
export const CONSENT_TO_STAY = categoricalDimension('consentToStay', 'Decision at 18', ['Consented to stay', 'Declined to stay']);
const CONSENT_LABEL: Readonly<Record<string, string>> = { consented: 'Consented to stay', declined: 'Declined to stay' };

/** A dimension's title by its name (what a table's rows are), for the heading of a table's label column. */
export function dimensionTitle(name: string): string {
  return [...Object.values(DIMENSIONS), CONSENT_TO_STAY].find((d) => d.name === name)?.title ?? name;
}

/** The quarters of a period as a dimension, so that referrals by quarter is a breakdown adding up to the total. */
export function quarterDimension(quarters: readonly Period[]): Dimension {
  return categoricalDimension(
    'quarter',
    TABLE_TITLES.quarter,
    quarters.map((q) => q.label),
  );
}

type SeparateBreakdown = Exclude<BreakdownName, 'ageGroup' | 'location'>;

// How each breakdown labels the group of referrals SQL formed for it, by @app/statistics.
const LABEL_OF: Readonly<Record<SeparateBreakdown, (row: ReferralGroupRow) => string>> = {
  kind: (row) => kindLabel(row.kind),
  gender: (row) => genderLabel(row.gender),
  nationality: (row) => nationalityLabel(row.nationality, row.secondNationality),
  exploitationType: (row) => exploitationTypeLabel(row.exploitationTypes ?? []),
  firstResponderType: (row) => firstResponderTypeLabel(String(row.organisationType)),
  caseSystem: (row) => caseSystemLabel(row.caseSystem),
  source: (row) => sourceLabel(String(row.source)),
  submission: (row) => submissionLabel(String(row.submission)),
  countyLines: (row) => countyLinesLabel(row.countyLines),
};

function ageFacts(row: ReferralGroupRow): AgeBandFacts {
  return {
    under18: String(row.under18),
    under18DuringExploitation: row.under18DuringExploitation,
    ageNowBand: row.ageNowBand,
    ageAtStartBand: row.ageAtStartBand,
  };
}

/**
 * Turns the grouped rows of a period into exact figures: each group is labelled by @app/statistics and every
 * table is built by it, so each breakdown is checked to add up to the period's total (its own grouping set in
 * SQL). Age group and location are the margins of their cross-tab, as the Home Office Table 2 has them.
 */
export function buildFigures(reading: StatisticsReading, period: Period): Figures<number> {
  const quarters = quartersIn(period);
  const quarterOf = new Map(quarters.map((q, i) => [periodContaining(q.from, 'quarter').code, i]));
  const rowsOf = (set: StatisticsGroupingSet): ReferralGroupRow[] => reading.referralGroups.filter((row) => row.set === set);
  const total = rowsOf('total').at(0);
  const ageRows = rowsOf('age').map((row) => ({ row, ageGroup: ageGroupOf(ageFacts(row)), location: locationLabel(row.exploitationLocation) }));

  const population = (count: (row: ReferralGroupRow) => number): PopulationFigures<number> => {
    const populationTotal = total ? count(total) : 0;
    const crossTab = buildCrossTab(
      DIMENSIONS.ageGroup,
      DIMENSIONS.location,
      ageRows.map(({ row, ageGroup, location }) => ({ row: ageGroup, column: location, count: count(row) })),
      populationTotal,
    );
    const separate = (name: SeparateBreakdown): BreakdownTable<number> =>
      table(
        buildBreakdown(
          DIMENSIONS[name],
          rowsOf(name).map((row) => ({ label: LABEL_OF[name](row), count: count(row) })),
          populationTotal,
        ),
        TABLE_TITLES[name],
      );
    return {
      total: populationTotal,
      breakdowns: {
        kind: separate('kind'),
        ageGroup: table(rowBreakdown(crossTab), TABLE_TITLES.ageGroup),
        gender: separate('gender'),
        nationality: separate('nationality'),
        exploitationType: separate('exploitationType'),
        firstResponderType: separate('firstResponderType'),
        location: table(columnBreakdown(crossTab), TABLE_TITLES.location),
        caseSystem: separate('caseSystem'),
        source: separate('source'),
        submission: separate('submission'),
        countyLines: separate('countyLines'),
      },
      ageGroupByLocation: crossTable(crossTab, TABLE_TITLES.ageGroupByLocation),
    };
  };

  const referrals = population((row) => row.referrals);
  const individuals = population((row) => row.individuals);
  assertIndividualsWithinReferrals(individuals, referrals);

  const quarterRows = rowsOf('quarter');
  const referralsByQuarter = buildBreakdown(
    quarterDimension(quarters),
    quarterRows.map((row) => ({ label: quarters[quarterIndex(quarterOf, row)].label, count: row.referrals })),
    referrals.total,
  );
  const individualsByQuarter = quarters.map(() => 0);
  for (const row of quarterRows) individualsByQuarter[quarterIndex(quarterOf, row)] += row.quarterIndividuals;
  const submittedByQuarter = quarters.map(() => 0);
  for (const row of rowsOf('quarterSubmission')) if (row.submission === 'submitted') submittedByQuarter[quarterIndex(quarterOf, row)] += row.referrals;

  return {
    referrals,
    individuals,
    quarters: quarters.map((q, i) => ({
      code: q.code,
      label: q.label,
      from: q.from,
      to: q.to,
      referrals: referralsByQuarter.cells[i].count,
      individuals: individualsByQuarter[i],
      submitted: submittedByQuarter[i],
    })),
    decisions: buildDecisionFigures(reading.decisionGroups),
  };
}

function assertIndividualsWithinReferrals(individuals: PopulationFigures<number>, referrals: PopulationFigures<number>): void {
  const exceeds = (what: string, people: number, cases: number): void => {
    if (people > cases) throw new TableInvariantError('total_mismatch', `${what}: ${people} individuals is more than ${cases} referrals`);
  };
  exceeds('total', individuals.total, referrals.total);
  for (const name of BREAKDOWNS) {
    const cases = new Map(referrals.breakdowns[name].cells.map((c) => [c.label, c.count]));
    for (const cell of individuals.breakdowns[name].cells) exceeds(`${name} "${cell.label}"`, cell.count, cases.get(cell.label) ?? 0);
  }
}

function quarterIndex(quarterOf: ReadonlyMap<string, number>, row: ReferralGroupRow): number {
  const start = String(row.quarterStart);
  const index = quarterOf.get(periodContaining(start, 'quarter').code);
  if (index === undefined) throw new TableInvariantError('shape_mismatch', `a referral group of ${start} lies outside the period`);
  return index;
}

export function buildDecisionFigures(groups: readonly DecisionGroupRow[]): DecisionFigures<number> {
  const of = (type: string) => groups.filter((g) => g.type === type).map((g) => ({ group: g, ageGroup: ageGroupOf(g) }));
  const grounds = (type: string): CrossTab =>
    buildCrossTab(
      DIMENSIONS.decisionOutcome,
      DIMENSIONS.ageGroup,
      of(type).map(({ group, ageGroup }) => ({ row: decisionOutcomeLabel(String(group.outcome)), column: ageGroup, count: group.decisions })),
    );
  const consent = buildCrossTab(
    CONSENT_TO_STAY,
    DIMENSIONS.ageGroup,
    of('consent_to_stay').map(({ group, ageGroup }) => ({ row: CONSENT_LABEL[String(group.outcome)], column: ageGroup, count: group.decisions })),
  );
  const withdrawals = buildBreakdown(
    DIMENSIONS.ageGroup,
    of('withdrawal').map(({ group, ageGroup }) => ({ label: ageGroup, count: group.decisions })),
  );
  return {
    reasonableGrounds: crossTable(grounds('reasonable_grounds'), DECISION_TITLES.reasonableGrounds),
    conclusiveGrounds: crossTable(grounds('conclusive_grounds'), DECISION_TITLES.conclusiveGrounds),
    consentToStay: crossTable(consent, DECISION_TITLES.consentToStay),
    withdrawals: table(withdrawals, DECISION_TITLES.withdrawals),
  };
}

export function table<C extends Count>(
  breakdown: { dimension: string; total: C; cells: readonly { label: string; count: C }[] },
  title: string,
): BreakdownTable<C> {
  return { dimension: breakdown.dimension, title, total: breakdown.total, cells: breakdown.cells.map((c) => ({ label: c.label, count: c.count })) };
}

export function crossTable<C extends Count>(
  tab: {
    rowDimension: string;
    columnDimension: string;
    rows: readonly string[];
    columns: readonly string[];
    counts: readonly (readonly C[])[];
    rowTotals: readonly C[];
    columnTotals: readonly C[];
    total: C;
  },
  title: string,
): CrossTable<C> {
  return {
    title,
    rowDimension: tab.rowDimension,
    columnDimension: tab.columnDimension,
    rows: [...tab.rows],
    columns: [...tab.columns],
    counts: tab.counts.map((line) => [...line]),
    rowTotals: [...tab.rowTotals],
    columnTotals: [...tab.columnTotals],
    total: tab.total,
  };
}

/** Back from the report's form to the library's, for suppression. */
export function asBreakdown(t: BreakdownTable<number>): Breakdown {
  return { dimension: t.dimension, total: t.total, cells: t.cells };
}

export function asCrossTab(t: CrossTable<number>): CrossTab {
  return {
    rowDimension: t.rowDimension,
    columnDimension: t.columnDimension,
    rows: t.rows,
    columns: t.columns,
    counts: t.counts,
    rowTotals: t.rowTotals,
    columnTotals: t.columnTotals,
    total: t.total,
  };
}
