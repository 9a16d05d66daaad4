import { financialYearPeriod, periodContaining, quarterPeriod, type Period } from '@app/statistics';
import { barChart, groupedBarChart, shown } from '../formats/charts';
import type { BreakdownName, BreakdownTable, Count } from '../statistics/figures';
import { POPULATION_LABELS, POPULATIONS } from '../statistics/population';
import type { StatisticsReport } from '../statistics/statistics-report';
import { transitionTables } from '../board-reports/board-pack';
import type { StatisticsPopulation } from '@app/domain';

/** The breakdowns drawn as charts, as in the board report's "Main breakdowns". */
const CHARTED: readonly BreakdownName[] = ['ageGroup', 'gender', 'exploitationType', 'firstResponderType', 'nationality'];
const TABLED: readonly BreakdownName[] = ['kind', 'location', 'caseSystem', 'source', 'submission', 'countyLines'];

/** The financial year so far is the default; the last three financial years and six quarters are offered. */
export function periodChoices(today: string): Period[] {
  const year = periodContaining(today, 'financial_year');
  const startYear = Number(year.code.slice(0, 4));
  const years = [0, 1, 2].map((back) => financialYearPeriod(startYear - back));
  const quarters: Period[] = [];
  let quarter = periodContaining(today, 'quarter');
  for (let i = 0; i < 6; i++) {
    quarters.push(quarter);
    const [y, q] = [Number(quarter.code.slice(0, 4)), Number(quarter.code.slice(-1))];
    quarter = q === 1 ? quarterPeriod(y - 1, 4) : quarterPeriod(y, q - 1);
  }
  return [...years, ...quarters];
}

/** The ten largest published nationalities; "c" cells sort last (their size is not published). */
function topTen(t: BreakdownTable<Count>): BreakdownTable<Count> {
  const cells = [...t.cells]
    .filter((c) => c.count !== 0)
    .sort((a, b) => (typeof b.count === 'number' ? b.count : -1) - (typeof a.count === 'number' ? a.count : -1))
    .slice(0, 10);
  return { ...t, cells };
}

function pairedRows(referrals: BreakdownTable<Count>, individuals: BreakdownTable<Count>) {
  const people = new Map(individuals.cells.map((c) => [c.label, c.count]));
  return [
    ...referrals.cells.map((c) => ({ label: c.label, referrals: shown(c.count), individuals: shown(people.get(c.label) ?? 0) })),
    { label: 'Total', referrals: shown(referrals.total), individuals: shown(individuals.total), total: true },
  ];
}

/**
 * The dashboard: referrals against individuals by quarter and the main breakdowns, as the same server-drawn SVG
 * charts the board reports use, each with its table. Published figures show suppressed counts as "c".
 */
export function dashboardView(
  report: StatisticsReport<Count>,
  options: {
    canChooseFigures: boolean;
    today: string;
    query: string;
    /** The populations the reader may choose (default: all). */ populations?: readonly StatisticsPopulation[];
  },
): Record<string, unknown> {
  const { referrals, individuals } = report;
  const quarterChart = groupedBarChart(
    'Referrals and individuals by quarter',
    report.quarters.map((q) => q.label),
    [
      { name: 'Referrals', values: report.quarters.map((q) => q.referrals) },
      { name: 'Individuals', values: report.quarters.map((q) => q.individuals) },
    ],
  );
  const breakdowns = CHARTED.map((name) => {
    const table = name === 'nationality' ? topTen(referrals.breakdowns[name]) : referrals.breakdowns[name];
    const title = name === 'nationality' ? 'Nationality (ten largest)' : table.title;
    return {
      id: name,
      title,
      chart: barChart(
        `Referrals by ${title.toLowerCase()}`,
        table.cells.map((c) => ({ label: c.label, value: c.count })),
      ),
      rows: pairedRows(referrals.breakdowns[name], individuals.breakdowns[name]),
      fullTitle: referrals.breakdowns[name].title,
    };
  });
  const chosen = report.period.code;
  return {
    title: 'Modern slavery referrals dashboard',
    report,
    exact: report.figuresAre === 'exact',
    headline: [
      { label: 'Referrals and notifications', value: shown(referrals.total) },
      { label: 'Individuals', value: shown(individuals.total) },
      ...referrals.breakdowns.kind.cells.map((c) => ({ label: c.label, value: shown(c.count) })),
    ],
    quarterChart,
    quarterRows: report.quarters.map((q) => ({
      label: q.label,
      referrals: shown(q.referrals),
      individuals: shown(q.individuals),
      submitted: q.submitted === null ? null : shown(q.submitted),
    })),
    breakdowns,
    tables: TABLED.map((name) => ({
      id: name,
      title: referrals.breakdowns[name].title,
      rows: pairedRows(referrals.breakdowns[name], individuals.breakdowns[name]),
    })),
    // The board packs' transitions tables, counts written as the rest of the page writes them.
    transitionTables: transitionTables(report.transitions).map((t) => ({
      ...t,
      rows: t.rows.map((row) => ({ ...row, values: row.values.map((v) => shown(v)) })),
    })),
    submittedColumn: report.quarters.some((q) => q.submitted !== null),
    periods: periodChoices(options.today).map((p) => ({ value: p.code, text: p.label, selected: p.code === chosen })),
    customPeriod: periodChoices(options.today).some((p) => p.code === chosen) ? undefined : report.period.label,
    populations: (options.populations ?? POPULATIONS).map((p) => ({ value: p, text: POPULATION_LABELS[p], selected: p === report.population.code })),
    canChooseFigures: options.canChooseFigures,
    figureChoices: [
      { value: 'exact', text: 'Exact (internal use only)', selected: report.figuresAre === 'exact' },
      { value: 'disclosure_controlled', text: 'As a board sees them (disclosure-controlled)', selected: report.figuresAre !== 'exact' },
    ],
    csvHref: `/dashboard/download.csv?${options.query}`,
  };
}
