import type { StatisticsPopulation } from '@app/domain';
import {
  LinkedCellRef,
  LinkedPopulations,
  PopulationLink,
  PublishedBreakdown,
  PublishedCount,
  PublishedPopulationTables,
  Suppression,
  proveLinkedPopulationsSafe,
  publishedColumnBreakdown,
  publishedRowBreakdown,
  suppressLinkedPopulations,
} from '@app/statistics';
import {
  BREAKDOWNS,
  BreakdownName,
  BreakdownTable,
  Count,
  CrossTable,
  DecisionFigures,
  Figures,
  PopulationFigures,
  TABLE_TITLES,
  crossTable,
  table,
} from './figures';
import { POPULATIONS } from './population';

/** What a board is told about the protection of its figures. */
export const DISCLOSURE_RULE =
  'Counts of 1 to 5 are shown as "c"; further counts are shown as "c" where needed so that no "c" can be worked out ' +
  "from totals and other figures, this board's or another board's for the same period, or an earlier revision of " +
  'this report (secondary suppression). ' +
  'Zero is shown as 0.';

/**
 * How the figures were protected, for the safeguarding lead and the audit trail only: the board sees the rule and
 * the audit result, never which "c" is primary (that would tell them it hides at most 5).
 */
export interface DisclosureSummary {
  readonly rule: string;
  readonly primary: number;
  readonly secondary: number;
  /** The published figures of every population of the period were audited together and no "c" can be worked out. */
  readonly audited: true;
}

export interface PublishedFigures {
  readonly figures: Figures<PublishedCount>;
  readonly disclosure: DisclosureSummary;
}

/** The figures of one period for every population a board is sent: all, adults and children. */
export type FiguresByPopulation<C extends Count> = Readonly<Record<StatisticsPopulation, Figures<C>>>;

// The referral tables published together: every breakdown except the two that are the cross-tab's margins, plus
// referrals by quarter, which adds up to the same total.
const SEPARATE_BREAKDOWNS = BREAKDOWNS.filter((name) => name !== 'ageGroup' && name !== 'location');
const DECISION_KINDS = ['reasonableGrounds', 'conclusiveGrounds', 'consentToStay', 'withdrawals'] as const;
const QUARTER = 'quarter';

/**
 * Disclosure control for everything that leaves for a board (docs/domain.md, "Disclosure control"), one period at
 * a time: `publishFigureSet` with a set of that period alone. What the insights app publishes goes through
 * `publishFigureSet` with the whole publication set of the period (a financial year and its quarters).
 */
export function publishFigures(exact: FiguresByPopulation<number>): Record<StatisticsPopulation, PublishedFigures> {
  return publishFigureSet({ whole: ONLY, parts: [] }, { [ONLY]: exact })[ONLY];
}

/**
 * The periods published together, as codes: a financial year (`whole`) and its quarters (`parts`), whose referrals
 * and decisions add up to the year's cell by cell, and whose individuals cover the year's (a person referred in two
 * quarters is one individual of the year, shown by their earliest referral).
 */
export interface PeriodSet {
  readonly whole: string;
  readonly parts: readonly string[];
}

/**
 * Disclosure control of a whole publication set. The figures of every period and every population of the set are
 * related cell by cell: adults' and children's referrals (and decisions) add up to all of them, and a year's add up
 * to its quarters'. Protected one by one, a reader holding two reports could subtract and read a third's "c" (the
 * children's from all less adults; a quarter's from the year less the other three). So every population of every
 * period is protected in one pass, and audited together as a reader holding every report of the set would read them;
 * nothing is published that fails the audit.
 */
export function publishFigureSet(
  periods: PeriodSet,
  exact: Readonly<Record<string, FiguresByPopulation<number>>>,
  earlier?: EarlierRevision,
): Record<string, Record<StatisticsPopulation, PublishedFigures>> {
  const codes = [periods.whole, ...periods.parts];
  const linked = linkedFigureSetOf(periods, exact);
  const before = earlier && linkedFigureSetOf({ whole: earlier.period, parts: [] }, { [earlier.period]: earlier.figures });
  const { published, suppressions, withEarlier } = suppressLinkedPopulations(linked, { earlier: before });
  const shown = Object.fromEntries(
    codes.map((code) => [
      code,
      Object.fromEntries(POPULATIONS.map((population) => [population, figuresOf(nameOf(code, population), exact[code][population], published)])),
    ]),
  ) as Record<string, Record<StatisticsPopulation, Figures<PublishedCount>>>;
  // Checked again from the published figures alone, each completion used as evidence checked in integers.
  assertSafe(proveLinkedPopulationsSafe(linkedFigureSetOf(periods, shown), { startingFrom: linked }));
  // And with the revision already published, as a reader holding both reads them (`linkRevisions`): the proof the
  // suppression ended on, from the published figures of both revisions alone, is the final gate.
  if (withEarlier) assertSafe(withEarlier);
  return Object.fromEntries(
    codes.map((code) => [
      code,
      Object.fromEntries(
        POPULATIONS.map((population) => {
          const own = suppressions.filter((s) => s.cell.population.endsWith(`:${nameOf(code, population)}`));
          return [population, { figures: shown[code][population], disclosure: summaryOf(own) }];
        }),
      ),
    ]),
  ) as Record<string, Record<StatisticsPopulation, PublishedFigures>>;
}

/**
 * The figures of one period of the set as its standing revision published them, every population from one
 * generation (the boards' reports of a period are generated together). A new revision is protected together with
 * it: every "c" there stays "c" while its count is not 0, and the two read together, a reader assuming counts only
 * grew between them, must leave every "c" of either at least two whole values (`linkRevisions`).
 */
export interface EarlierRevision {
  readonly period: string;
  readonly figures: FiguresByPopulation<PublishedCount>;
}

/** The one period of `publishFigures`, named so in the linked populations. */
const ONLY = 'period';

/** A population of one period of a set, as the linked populations name it after their table family. */
function nameOf(period: string, population: StatisticsPopulation): string {
  return period === ONLY ? population : `${population}@${period}`;
}

/** Everything published for one period, as linked populations (see `linkedFigureSetOf`). */
export function linkedPopulationsOf<C extends Count>(figures: FiguresByPopulation<C>): LinkedPopulations<PopulationTablesOf<C>> {
  return linkedFigureSetOf({ whole: ONLY, parts: [] }, { [ONLY]: figures });
}

/**
 * Everything published for a set of periods as linked populations, named "<table family>:<population>@<period>",
 * exact or as published. A reader knows, and the audit uses: each population's tables share its total; adults +
 * children = all for referrals and decisions, cell by cell; the year's referrals and decisions = the sum of its
 * quarters', cell by cell; for individuals, the parts add up to the whole and those in two parts at once (a person
 * referred both as a child and as an adult in the period, or in two quarters of the year: one individual of the
 * whole, shown by their earliest referral, and one of each part), a count published nowhere and guarded like a "c"
 * across populations (across quarters the year's own individuals by quarter already show it), and the whole ≥ each part at the total and in each quarter; each quarter's individuals at most the period's and
 * together at least them.
 *
 * Not used: "individuals ≤ referrals", cell by cell. A reader knows it too, and where a population has no repeat
 * referrals it can pin a hidden individuals cell to its referrals cell; protecting against it (the library's
 * `within` link) about triples the "c"s of a small council's adults' and children's reports. It is a channel
 * within a single report as much as across them, left for a decision on how much boards may lose to it.
 */
export function linkedFigureSetOf<C extends Count>(
  periods: PeriodSet,
  figures: Readonly<Record<string, FiguresByPopulation<C>>>,
): LinkedPopulations<PopulationTablesOf<C>> {
  const populations: Record<string, PopulationTablesOf<C>> = {};
  const links: PopulationLink[] = [];
  const name = (family: string, period: string, population: StatisticsPopulation): string => `${family}:${nameOf(period, population)}`;
  const codes = [periods.whole, ...periods.parts];
  const link = (family: string, relation: 'partition' | 'cover'): void => {
    for (const period of codes) {
      links.push({ relation, parts: [name(family, period, 'adults'), name(family, period, 'children')], whole: name(family, period, 'all') });
    }
    if (periods.parts.length === 0) return;
    for (const population of POPULATIONS) {
      // People referred in two quarters of the year: the year's report already shows individuals by quarter beside
      // its total, so their number is published there and is not guarded across the reports either.
      links.push({
        relation,
        parts: periods.parts.map((part) => name(family, part, population)),
        whole: name(family, periods.whole, population),
        guardOverlap: false,
      });
    }
  };
  for (const period of codes) {
    for (const population of POPULATIONS) {
      const f = figures[period][population];
      const separate = (p: PopulationFigures<C>): BreakdownTable<C>[] => SEPARATE_BREAKDOWNS.map((b) => p.breakdowns[b]);
      const byQuarter: BreakdownTable<C> = {
        dimension: QUARTER,
        title: TABLE_TITLES.quarter,
        total: f.referrals.total,
        cells: f.quarters.map((q) => ({ label: q.label, count: q.referrals })),
      };
      populations[name('referrals', period, population)] = {
        breakdowns: [...separate(f.referrals), byQuarter],
        crossTabs: [f.referrals.ageGroupByLocation],
      };
      populations[name('individuals', period, population)] = {
        breakdowns: separate(f.individuals),
        crossTabs: [f.individuals.ageGroupByLocation],
        overlapping: { dimension: QUARTER, cells: f.quarters.map((q) => ({ label: q.label, count: q.individuals })) },
      };
      for (const kind of DECISION_KINDS) {
        const decisions = f.decisions[kind];
        populations[name(kind, period, population)] =
          'cells' in decisions ? { breakdowns: [decisions], crossTabs: [] } : { breakdowns: [], crossTabs: [decisions] };
      }
    }
  }
  link('referrals', 'partition');
  link('individuals', 'cover');
  DECISION_KINDS.forEach((kind) => link(kind, 'partition'));
  return { populations, links };
}

export interface PopulationTablesOf<C extends Count> {
  readonly breakdowns: readonly BreakdownTable<C>[];
  readonly crossTabs: readonly CrossTable<C>[];
  readonly overlapping?: { readonly dimension: string; readonly cells: readonly { readonly label: string; readonly count: C }[] };
}

/** One population's published figures, back in the report's shape. */
function figuresOf(population: string, exact: Figures<number>, published: Record<string, PublishedPopulationTables>): Figures<PublishedCount> {
  const referrals = published[`referrals:${population}`];
  const individuals = published[`individuals:${population}`];
  const byQuarter = referrals.breakdowns[SEPARATE_BREAKDOWNS.length];
  const individualsByQuarter = individuals.overlapping;
  if (!individualsByQuarter) throw new Error(`individuals:${population} was published without its counts by quarter`);
  const decision = <K extends (typeof DECISION_KINDS)[number]>(kind: K): DecisionFigures<PublishedCount>[K] => {
    const tables = published[`${kind}:${population}`];
    const title = exact.decisions[kind].title;
    return (tables.breakdowns.length > 0 ? table(tables.breakdowns[0], title) : crossTable(tables.crossTabs[0], title)) as DecisionFigures<PublishedCount>[K];
  };
  return {
    referrals: populationFiguresOf(exact.referrals, referrals),
    individuals: populationFiguresOf(exact.individuals, individuals),
    quarters: exact.quarters.map((q, i) => ({
      ...q,
      referrals: byQuarter.cells[i].count,
      individuals: individualsByQuarter.cells[i].count,
      submitted: null,
    })),
    decisions: {
      reasonableGrounds: decision('reasonableGrounds'),
      conclusiveGrounds: decision('conclusiveGrounds'),
      consentToStay: decision('consentToStay'),
      withdrawals: decision('withdrawals'),
    },
  };
}

/** A cross-tab's own margins are its age-group and location breakdowns, never suppressed apart from it. */
function populationFiguresOf(exact: PopulationFigures<number>, published: PublishedPopulationTables): PopulationFigures<PublishedCount> {
  const [ageGroupByLocation] = published.crossTabs;
  // The breakdowns are published in the order of SEPARATE_BREAKDOWNS, which holds every name but these two.
  const tableOf = (name: BreakdownName): PublishedBreakdown =>
    name === 'ageGroup'
      ? publishedRowBreakdown(ageGroupByLocation)
      : name === 'location'
        ? publishedColumnBreakdown(ageGroupByLocation)
        : published.breakdowns[SEPARATE_BREAKDOWNS.indexOf(name)];
  return {
    total: ageGroupByLocation.total,
    breakdowns: Object.fromEntries(BREAKDOWNS.map((name) => [name, table(tableOf(name), exact.breakdowns[name].title)])) as {
      [name in BreakdownName]: BreakdownTable<PublishedCount>;
    },
    ageGroupByLocation: crossTable(ageGroupByLocation, exact.ageGroupByLocation.title),
  };
}

function summaryOf(suppressions: readonly Suppression<LinkedCellRef>[]): DisclosureSummary {
  const tally = { primary: 0, secondary: 0 };
  for (const s of suppressions) tally[s.reason] += 1;
  return { rule: DISCLOSURE_RULE, ...tally, audited: true };
}

/** Suppression that the audit finds unsafe is a defect: nothing is published rather than something disclosive. */
export class DisclosureAuditError extends Error {
  constructor(readonly recoverable: readonly string[]) {
    super(`disclosure audit failed: ${recoverable.length} suppressed count(s) can be worked out (${recoverable.slice(0, 5).join('; ')})`);
    this.name = DisclosureAuditError.name;
  }
}

function assertSafe(proof: { safe: boolean; recoverable: readonly LinkedCellRef[] }): void {
  if (proof.safe) return;
  throw new DisclosureAuditError(proof.recoverable.map((ref) => `${ref.population} ${JSON.stringify(ref.cell)}`));
}
