import type { StatisticsPopulation } from '@app/database';
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
  "from totals and other figures, this board's or another board's for the same period (secondary suppression). " +
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
 * Disclosure control for everything that leaves for a board (PRODUCT.md, Statistics; domain brief 7). The three
 * boards' figures for a period are related cell by cell: adults' and children's referrals (and decisions) add up to
 * all of them, so a reader of two boards' reports could subtract and read the third's "c". Every population's
 * tables are therefore protected in one pass, as population × category two-way tables whose margins are the
 * all-population table and each population's total, and audited together as a reader holding all three reports
 * would read them; no population is published that fails the audit.
 */
export function publishFigures(exact: FiguresByPopulation<number>): Record<StatisticsPopulation, PublishedFigures> {
  const linked = linkedPopulationsOf(exact);
  const { published, suppressions } = suppressLinkedPopulations(linked);
  const shown = Object.fromEntries(
    POPULATIONS.map((population) => [population, figuresOf(population, exact[population], published)]),
  ) as Record<StatisticsPopulation, Figures<PublishedCount>>;
  // Checked again from the published figures alone, each completion used as evidence checked in integers.
  assertSafe(proveLinkedPopulationsSafe(linkedPopulationsOf(shown), { startingFrom: linked }));
  return Object.fromEntries(
    POPULATIONS.map((population) => [
      population,
      { figures: shown[population], disclosure: summaryOf(suppressions.filter((s) => populationOf(s.cell.population) === population)) },
    ]),
  ) as Record<StatisticsPopulation, PublishedFigures>;
}

/**
 * Everything published for a period as linked populations, named "<table family>:<population>", exact or as
 * published. A reader knows, and the audit uses: each population's tables share its total; adults + children = all
 * for referrals and decisions, cell by cell; for individuals, adults + children = all + those referred both as a
 * child and as an adult in the period (one individual of all, shown by their earliest referral, and one of each
 * part), a count published nowhere but guarded like a "c", and all ≥ each part at the total and in each quarter;
 * each quarter's individuals at most the period's and together at least them.
 *
 * Not used: "individuals ≤ referrals", cell by cell. A reader knows it too, and where a population has no repeat
 * referrals it can pin a hidden individuals cell to its referrals cell; protecting against it (the library's
 * `within` link) about triples the "c"s of a small council's adults' and children's reports. It is a channel
 * within a single report as much as across them, left for a decision on how much boards may lose to it.
 */
export function linkedPopulationsOf<C extends Count>(figures: FiguresByPopulation<C>): LinkedPopulations<PopulationTablesOf<C>> {
  const populations: Record<string, PopulationTablesOf<C>> = {};
  const links: PopulationLink[] = [];
  const name = (family: string, population: StatisticsPopulation): string => `${family}:${population}`;
  const across = (family: string, relation: 'partition' | 'cover'): void => {
    links.push({ relation, parts: [name(family, 'adults'), name(family, 'children')], whole: name(family, 'all') });
  };
  for (const population of POPULATIONS) {
    const f = figures[population];
    const separate = (p: PopulationFigures<C>): BreakdownTable<C>[] => SEPARATE_BREAKDOWNS.map((b) => p.breakdowns[b]);
    const byQuarter: BreakdownTable<C> = {
      dimension: QUARTER,
      title: TABLE_TITLES.quarter,
      total: f.referrals.total,
      cells: f.quarters.map((q) => ({ label: q.label, count: q.referrals })),
    };
    populations[name('referrals', population)] = {
      breakdowns: [...separate(f.referrals), byQuarter],
      crossTabs: [f.referrals.ageGroupByLocation],
    };
    populations[name('individuals', population)] = {
      breakdowns: separate(f.individuals),
      crossTabs: [f.individuals.ageGroupByLocation],
      overlapping: { dimension: QUARTER, cells: f.quarters.map((q) => ({ label: q.label, count: q.individuals })) },
    };
    for (const kind of DECISION_KINDS) {
      const decisions = f.decisions[kind];
      populations[name(kind, population)] = 'cells' in decisions ? { breakdowns: [decisions], crossTabs: [] } : { breakdowns: [], crossTabs: [decisions] };
    }
  }
  across('referrals', 'partition');
  across('individuals', 'cover');
  DECISION_KINDS.forEach((kind) => across(kind, 'partition'));
  return { populations, links };
}

export interface PopulationTablesOf<C extends Count> {
  readonly breakdowns: readonly BreakdownTable<C>[];
  readonly crossTabs: readonly CrossTable<C>[];
  readonly overlapping?: { readonly dimension: string; readonly cells: readonly { readonly label: string; readonly count: C }[] };
}

function populationOf(name: string): StatisticsPopulation {
  return name.slice(name.indexOf(':') + 1) as StatisticsPopulation;
}

/** One population's published figures, back in the report's shape. */
function figuresOf(
  population: StatisticsPopulation,
  exact: Figures<number>,
  published: Record<string, PublishedPopulationTables>,
): Figures<PublishedCount> {
  const referrals = published[`referrals:${population}`];
  const individuals = published[`individuals:${population}`];
  const byQuarter = referrals.breakdowns[SEPARATE_BREAKDOWNS.length];
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
      individuals: individuals.overlapping!.cells[i].count,
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
  const tables = new Map<BreakdownName, PublishedBreakdown>(SEPARATE_BREAKDOWNS.map((name, i) => [name, published.breakdowns[i]]));
  tables.set('ageGroup', publishedRowBreakdown(ageGroupByLocation));
  tables.set('location', publishedColumnBreakdown(ageGroupByLocation));
  return {
    total: ageGroupByLocation.total,
    breakdowns: Object.fromEntries(
      BREAKDOWNS.map((name) => [name, table(tables.get(name)!, exact.breakdowns[name].title)]),
    ) as { [name in BreakdownName]: BreakdownTable<PublishedCount> },
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
