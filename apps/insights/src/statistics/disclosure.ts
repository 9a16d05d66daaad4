import {
  DisclosureAudit,
  PublishedBreakdown,
  PublishedCount,
  PublishedCrossTab,
  SUPPRESSED,
  Suppression,
  TableCellRef,
  auditTablesSharingTotal,
  publishCount,
  publishedColumnBreakdown,
  publishedRowBreakdown,
  suppressTablesSharingTotal,
} from '@app/statistics';
import {
  BREAKDOWNS,
  BreakdownName,
  BreakdownTable,
  CrossTable,
  DecisionFigures,
  Figures,
  PopulationFigures,
  TABLE_TITLES,
  asBreakdown,
  asCrossTab,
  crossTable,
  table,
} from './figures';

/** What a board is told about the protection of its figures. */
export const DISCLOSURE_RULE =
  'Counts of 1 to 5 are shown as "c"; further counts are shown as "c" where needed so that no "c" can be worked out ' +
  'from totals and other figures (secondary suppression). Zero is shown as 0.';

/**
 * How the figures were protected, for the safeguarding lead and the audit trail only: the board sees the rule and
 * the audit result, never which "c" is primary (that would tell them it hides at most 5).
 */
export interface DisclosureSummary {
  readonly rule: string;
  readonly primary: number;
  readonly secondary: number;
  /** Every population's published tables were audited together and no suppressed cell can be worked out. */
  readonly audited: true;
}

export interface PublishedFigures {
  readonly figures: Figures<PublishedCount>;
  readonly disclosure: DisclosureSummary;
}

// The referral tables published together: every breakdown except the two that are the cross-tab's margins, plus
// referrals by quarter, which adds up to the same total.
const SEPARATE_BREAKDOWNS = BREAKDOWNS.filter((name) => name !== 'ageGroup' && name !== 'location');

/**
 * Disclosure control for everything that leaves for a board (PRODUCT.md, Statistics; domain brief 7). The tables
 * of one population share its total and are protected together, then audited together as a reader holding all
 * of them would read them; a report that fails the audit is never produced.
 */
export function publishFigures(exact: Figures<number>): PublishedFigures {
  const tally = { primary: 0, secondary: 0 };
  const count = (suppressions: readonly Suppression<TableCellRef>[]): void => {
    for (const s of suppressions) tally[s.reason] += 1;
  };

  const referralsByQuarter: BreakdownTable<number> = {
    dimension: 'quarter',
    title: TABLE_TITLES.quarter,
    total: exact.referrals.total,
    cells: exact.quarters.map((q) => ({ label: q.label, count: q.referrals })),
  };
  const referrals = publishPopulation(exact.referrals, [referralsByQuarter], count);
  const individuals = publishPopulation(exact.individuals, [], count);
  const publishedReferralsByQuarter = referrals.extra[0];

  // Individuals by quarter do not add up to anything (a person can be in two quarters), so each is published on
  // its own. But a quarter holding all of the period's referrals holds all of its individuals: where the period's
  // individuals are suppressed (a small total, or a secondary suppression of it), no quarter may show them.
  const totalHidden = individuals.figures.total === SUPPRESSED;
  const quarters = exact.quarters.map((q, i) => ({
    ...q,
    referrals: publishedReferralsByQuarter.cells[i].count,
    individuals: totalHidden && q.individuals > 0 ? SUPPRESSED : publishCount(q.individuals),
  }));

  return {
    figures: { referrals: referrals.figures, individuals: individuals.figures, quarters, decisions: publishDecisions(exact.decisions, count) },
    disclosure: { rule: DISCLOSURE_RULE, primary: tally.primary, secondary: tally.secondary, audited: true },
  };
}

function publishPopulation(
  population: PopulationFigures<number>,
  extra: readonly BreakdownTable<number>[],
  count: (suppressions: readonly Suppression<TableCellRef>[]) => void,
): { figures: PopulationFigures<PublishedCount>; extra: BreakdownTable<PublishedCount>[] } {
  const separate = [...SEPARATE_BREAKDOWNS.map((name) => population.breakdowns[name]), ...extra];
  const protectedTables = suppressTablesSharingTotal({
    breakdowns: separate.map(asBreakdown),
    crossTabs: [asCrossTab(population.ageGroupByLocation)],
  });
  count(protectedTables.suppressions);
  const { breakdowns, crossTabs } = protectedTables.published;
  assertSafe(auditTablesSharingTotal({ breakdowns, crossTabs }), 'a population');

  const [ageGroupByLocation] = crossTabs;
  const published = new Map<BreakdownName, PublishedBreakdown>(SEPARATE_BREAKDOWNS.map((name, i) => [name, breakdowns[i]]));
  published.set('ageGroup', publishedRowBreakdown(ageGroupByLocation));
  published.set('location', publishedColumnBreakdown(ageGroupByLocation));
  const tables = Object.fromEntries(
    BREAKDOWNS.map((name) => [name, table(published.get(name) as PublishedBreakdown, population.breakdowns[name].title)]),
  ) as { [name in BreakdownName]: BreakdownTable<PublishedCount> };
  return {
    figures: {
      total: ageGroupByLocation.total,
      breakdowns: tables,
      ageGroupByLocation: crossTable(ageGroupByLocation, population.ageGroupByLocation.title),
    },
    extra: extra.map((t, i) => table(breakdowns[SEPARATE_BREAKDOWNS.length + i], t.title)),
  };
}

/** Each kind of decision is a population of its own (its own total), protected and audited on its own. */
function publishDecisions(
  decisions: DecisionFigures<number>,
  count: (suppressions: readonly Suppression<TableCellRef>[]) => void,
): DecisionFigures<PublishedCount> {
  const crossTabOf = (t: CrossTable<number>): CrossTable<PublishedCount> => {
    const { published, suppressions } = suppressTablesSharingTotal({ crossTabs: [asCrossTab(t)] });
    count(suppressions);
    assertSafe(auditTablesSharingTotal(published), t.title);
    return crossTable(published.crossTabs[0] as PublishedCrossTab, t.title);
  };
  const { published, suppressions } = suppressTablesSharingTotal({ breakdowns: [asBreakdown(decisions.withdrawals)] });
  count(suppressions);
  assertSafe(auditTablesSharingTotal(published), decisions.withdrawals.title);
  return {
    reasonableGrounds: crossTabOf(decisions.reasonableGrounds),
    conclusiveGrounds: crossTabOf(decisions.conclusiveGrounds),
    consentToStay: crossTabOf(decisions.consentToStay),
    withdrawals: table(published.breakdowns[0], decisions.withdrawals.title),
  };
}

/** Suppression that the audit finds unsafe is a defect: nothing is published rather than something disclosive. */
export class DisclosureAuditError extends Error {
  constructor(
    readonly table: string,
    readonly recoverable: number,
  ) {
    super(`disclosure audit failed for ${table}: ${recoverable} suppressed count(s) can be worked out`);
    this.name = DisclosureAuditError.name;
  }
}

function assertSafe(audit: DisclosureAudit<TableCellRef>, what: string): void {
  if (!audit.safe) throw new DisclosureAuditError(what, audit.recoverable.length);
}
