import {
  BREAKDOWNS,
  type BreakdownName,
  type BreakdownTable,
  type Count,
  type CrossTable,
  DECISION_TITLES,
  dimensionTitle,
  type DecisionFigures,
} from '../statistics/figures';
import type { Figures } from '../statistics/figures';
import type { NrmCaseStatistics } from '../statistics/nrm-case-statistics.service';
import type { StatisticsReport } from '../statistics/statistics-report';
import type { TransitionFigures } from '../statistics/transition-figures';
import type { ReportChanges } from './report-changes';
import { dateTime, inSentence, longDate } from '@app/web';

/** One row of a pack table: a label and one count per column ("c" where suppressed). */
export interface PackRow {
  readonly label: string;
  readonly values: readonly Count[];
  readonly total?: boolean;
}

/** A table of a board pack with the one-line definition of what it counts. */
export interface PackTable {
  readonly id: string;
  readonly title: string;
  readonly definition: string;
  /** The heading of the label column, then one heading per value column. */
  readonly columns: readonly string[];
  readonly rows: readonly PackRow[];
}

/**
 * A board report as the tables every format shows: the HTML page, the PDF, the CSV and the ODS workbook are all
 * written from this one list, so no format can leave a table out.
 */
export interface BoardPack {
  readonly title: string;
  /** OFFICIAL-SENSITIVE for a restricted pack, on every page and in every file; null for a published one. */
  readonly marking: string | null;
  readonly meta: ReadonlyArray<readonly [string, string]>;
  /** The disclosure rule of a published pack, or what a restricted pack is and who may hold it. */
  readonly note: string;
  readonly tables: readonly PackTable[];
  readonly countingRules: readonly string[];
  readonly changes: ReportChanges | null;
}

/** One line per table: what is counted. */
export const DEFINITIONS: Readonly<Record<BreakdownName | 'quarter' | 'ageGroupByLocation' | keyof DecisionFigures<number>, string>> = {
  quarter:
    'Referrals (NRM referrals and Duty to Notify notifications) by the quarter of their referral date, and the people referred in each quarter; a person referred in two quarters counts in both.',
  kind: 'NRM referrals (the person consented, or is a child) and Duty to Notify notifications (adults who did not consent), counted apart.',
  ageGroup: 'Age when the exploitation took place, as the Home Office tables show it; it does not change when a case moves to adult services.',
  gender: 'Gender of the potential victim as recorded on the referral.',
  nationality: 'Nationality as recorded; dual nationals under their combined label.',
  exploitationType: 'Exploitation types recorded on the referral, combined as the Home Office tables combine them.',
  firstResponderType:
    "The first responder's organisation type in the Home Office's categories (government agency, NGO and third sector, police, local authority); health and other are shown apart, never mixed into them.",
  location: 'Where the exploitation took place: the UK, overseas, or both.',
  // As the statistics count it (the counting rules say the same): a move later never changes a published period.
  caseSystem:
    'The case system each referral was recorded in when it was made: AIS (adults) or LCS (children). A case moved later, at 18 or by an age assessment, still counts where it was first recorded.',
  source: 'Where the referral was recorded: through Referral Hub, or by a practitioner directly in AIS or LCS.',
  submission: 'Referrals whose submission to the Home Office is recorded, against those only logged with the council.',
  countyLines:
    'Referrals where the first responder answered that the exploitation is county lines; records entered straight into a case system carry no such answer and count as not flagged.',
  ageGroupByLocation: 'Age at exploitation by where the exploitation took place (Home Office NRM table 2).',
  reasonableGrounds: 'Reasonable grounds decisions made in the period, whenever the referral was made, by outcome and age at exploitation.',
  conclusiveGrounds: 'Conclusive grounds decisions made in the period, whenever the referral was made, by outcome and age at exploitation.',
  consentToStay: 'Children turning 18 before a conclusive grounds decision: whether they consented to stay in the NRM.',
  withdrawals: 'Withdrawals from the NRM in the period, by age at exploitation.',
};

/** One line per transitions table (the counts `TransitionFiguresService` gives; docs/transitions.md). */
export const TRANSITION_DEFINITIONS = {
  nrmAtEighteen:
    'Children whose 18th birthday (by the best date of birth known) fell in the period while their episode was open, by what was recorded for the NRM at 18.',
  since:
    "Of the children who turned 18 in the period, as recorded now: referred for adult support, accepted by adult services, and care leavers still with children's services.",
  caseMoves:
    "Moves of a case between children's services (LCS) and adult services (AIS) that took effect in the period, by why; a move is neither a new referral nor a new individual.",
} as const;

/** The transitions tables; none when the report carries no transitions (a board's quarter: see the service). */
export function transitionTables(t: TransitionFigures<Count> | null): PackTable[] {
  if (!t) return [];
  return [
    {
      id: 'transitions-nrm-at-18',
      title: 'Turned 18 with an open episode, by the NRM at 18',
      definition: TRANSITION_DEFINITIONS.nrmAtEighteen,
      columns: ['The NRM at 18', 'Young people'],
      rows: [...t.nrmAtEighteen.cells.map((c) => ({ label: c.label, values: [c.count] })), { label: 'Total', values: [t.nrmAtEighteen.total], total: true }],
    },
    {
      id: 'transitions-since',
      title: 'Turned 18: what was recorded for them since',
      definition: TRANSITION_DEFINITIONS.since,
      columns: ['Recorded since', 'Young people'],
      rows: [
        { label: 'Referred for adult support', values: [t.referredForAdultSupport] },
        { label: 'Accepted by adult services', values: [t.acceptedByAdultServices] },
        { label: "Care leavers still with children's services", values: [t.careLeaversRemaining] },
      ],
    },
    {
      id: 'transitions-case-moves',
      title: "Moves between children's and adults' services",
      definition: TRANSITION_DEFINITIONS.caseMoves,
      columns: ['Why', 'Moves'],
      rows: [...t.caseMoves.cells.map((c) => ({ label: c.label, values: [c.count] })), { label: 'Total', values: [t.caseMoves.total], total: true }],
    },
  ];
}

/**
 * A restricted pack's report: the exact figures, the same period a year before (its figures as they stand now), and
 * the NRM case figures of the council's cases (decision times, cases waiting, support referrals).
 */
export interface RestrictedReport extends StatisticsReport<number> {
  readonly yearBefore?: { readonly label: string; readonly figures: Figures<number> };
  readonly caseFigures?: NrmCaseStatistics;
}

/** The figures alone of a report (what a year-before column needs). */
export function figuresOf(report: Figures<number>): Figures<number> {
  const { referrals, individuals, quarters, decisions } = report;
  return { referrals, individuals, quarters, decisions };
}

/** The tables of a report, in the order a board reads them. */
export function packTables(report: StatisticsReport<Count> & Pick<RestrictedReport, 'yearBefore' | 'caseFigures'>): PackTable[] {
  const exactSubmitted = report.quarters.some((q) => q.submitted !== null);
  const before = report.yearBefore;
  const beforeColumns = (names: readonly string[]): string[] => (before ? names.map((n) => `${n}, ${before.label}`) : []);
  const tables: PackTable[] = [
    {
      id: 'quarter',
      title: 'Referrals and individuals by quarter',
      definition:
        DEFINITIONS.quarter +
        (exactSubmitted ? ' Submitted: referrals of the quarter whose submission to the Home Office is recorded.' : '') +
        (before ? ` Beside them, the same quarter a year before (${before.label}), as its figures stand now.` : ''),
      columns: [
        'Quarter',
        'Referrals',
        'Individuals',
        ...(exactSubmitted ? ['Submitted to the Home Office'] : []),
        ...beforeColumns(['Referrals', 'Individuals']),
      ],
      rows: report.quarters.map((q, i) => ({
        label: q.label,
        values: [
          q.referrals,
          q.individuals,
          ...(exactSubmitted ? [q.submitted ?? 0] : []),
          ...(before ? [before.figures.quarters[i]?.referrals ?? 0, before.figures.quarters[i]?.individuals ?? 0] : []),
        ],
      })),
    },
    ...BREAKDOWNS.map((name) =>
      pairedTable(
        name,
        report.referrals.breakdowns[name],
        report.individuals.breakdowns[name],
        before && { label: before.label, referrals: before.figures.referrals.breakdowns[name], individuals: before.figures.individuals.breakdowns[name] },
      ),
    ),
    crossTable(
      'ageGroupByLocation-referrals',
      `Referrals: ${inSentence(report.referrals.ageGroupByLocation.title)}`,
      DEFINITIONS.ageGroupByLocation,
      report.referrals.ageGroupByLocation,
    ),
    crossTable(
      'ageGroupByLocation-individuals',
      `Individuals: ${inSentence(report.individuals.ageGroupByLocation.title)}`,
      DEFINITIONS.ageGroupByLocation,
      report.individuals.ageGroupByLocation,
    ),
    crossTable('reasonableGrounds', DECISION_TITLES.reasonableGrounds, DEFINITIONS.reasonableGrounds, report.decisions.reasonableGrounds),
    crossTable('conclusiveGrounds', DECISION_TITLES.conclusiveGrounds, DEFINITIONS.conclusiveGrounds, report.decisions.conclusiveGrounds),
    crossTable('consentToStay', DECISION_TITLES.consentToStay, DEFINITIONS.consentToStay, report.decisions.consentToStay),
    {
      id: 'withdrawals',
      title: DECISION_TITLES.withdrawals,
      definition: DEFINITIONS.withdrawals,
      columns: ['Age at exploitation', 'Withdrawals'],
      rows: [
        ...report.decisions.withdrawals.cells.map((c) => ({ label: c.label, values: [c.count] })),
        { label: 'Total', values: [report.decisions.withdrawals.total], total: true },
      ],
    },
    ...transitionTables(report.transitions),
    ...caseTables(report.caseFigures),
  ];
  return tables;
}

/** One line per NRM case table (the figures `NrmCaseStatisticsService` gives; docs/nrm-case.md). */
export const CASE_DEFINITIONS = {
  timeliness:
    "How long NRM decisions took, for the council's cases: days from referral to the first reasonable grounds decision made in the period, and from the positive reasonable grounds decision in effect to the first conclusive grounds decision made in the period (median, and how many decisions).",
  waiting: "The council's NRM cases still waiting on the last day of the period for a reasonable or conclusive grounds decision, by whole months waiting.",
  support: "Referrals to support services made in the period for the council's NRM cases, by service.",
} as const;

/** The NRM case tables of a restricted pack: all the council's cases, whichever board's population. */
export function caseTables(c: NrmCaseStatistics | undefined): PackTable[] {
  if (!c) return [];
  const median = (m: { median: number | null }): number => m.median ?? 0;
  const waiting = (byMonths: ReadonlyArray<{ label: string; count: number }>, label: string) =>
    byMonths.map((b) => ({ label: `${label}: ${b.label}`, values: [b.count] }));
  return [
    {
      id: 'decision-timeliness',
      title: "Decisions and their timeliness (all the council's NRM cases)",
      definition: CASE_DEFINITIONS.timeliness,
      columns: ['Decision', 'Median days', 'Decisions'],
      rows: [
        { label: 'Referral to reasonable grounds decision', values: [median(c.referralToReasonableGrounds), c.referralToReasonableGrounds.decisions] },
        {
          label: 'Reasonable grounds to conclusive grounds decision',
          values: [median(c.reasonableToConclusiveGrounds), c.reasonableToConclusiveGrounds.decisions],
        },
      ],
    },
    {
      id: 'decisions-waiting',
      title: "Cases waiting for a decision on the last day (all the council's NRM cases)",
      definition: CASE_DEFINITIONS.waiting,
      columns: ['Waiting for', 'Cases'],
      rows: [
        ...waiting(c.waitingOnLastDay.reasonableGrounds.byMonthsWaiting, 'Reasonable grounds'),
        { label: 'Reasonable grounds: total', values: [c.waitingOnLastDay.reasonableGrounds.total], total: true },
        ...waiting(c.waitingOnLastDay.conclusiveGrounds.byMonthsWaiting, 'Conclusive grounds'),
        { label: 'Conclusive grounds: total', values: [c.waitingOnLastDay.conclusiveGrounds.total], total: true },
      ],
    },
    {
      id: 'support-referrals',
      title: "Support referrals (all the council's NRM cases)",
      definition: CASE_DEFINITIONS.support,
      columns: ['Service', 'Referrals'],
      rows: [
        ...c.supportReferrals.byService.map((s) => ({ label: s.service, values: [s.referrals] })),
        { label: 'Total', values: [c.supportReferrals.total], total: true },
      ],
    },
  ];
}

function pairedTable(
  name: BreakdownName,
  referrals: BreakdownTable<Count>,
  individuals: BreakdownTable<Count>,
  before?: { label: string; referrals: BreakdownTable<Count>; individuals: BreakdownTable<Count> },
): PackTable {
  const people = new Map(individuals.cells.map((c) => [c.label, c.count]));
  const earlier = (t: BreakdownTable<Count> | undefined) => new Map((t?.cells ?? []).map((c) => [c.label, c.count]));
  const [referredBefore, peopleBefore] = [earlier(before?.referrals), earlier(before?.individuals)];
  // A category only the year before had is still shown, at 0 now.
  const labels = [...referrals.cells.map((c) => c.label), ...[...referredBefore.keys()].filter((l) => !referrals.cells.some((c) => c.label === l))];
  const now = new Map(referrals.cells.map((c) => [c.label, c.count]));
  const row = (label: string): Count[] => [
    now.get(label) ?? 0,
    people.get(label) ?? 0,
    ...(before ? [referredBefore.get(label) ?? 0, peopleBefore.get(label) ?? 0] : []),
  ];
  return {
    id: name,
    title: referrals.title,
    definition: DEFINITIONS[name] + (before ? ` Beside them, the same period a year before (${before.label}).` : ''),
    columns: [referrals.title, 'Referrals', 'Individuals', ...(before ? [`Referrals, ${before.label}`, `Individuals, ${before.label}`] : [])],
    rows: [
      ...labels.map((label) => ({ label, values: row(label) })),
      {
        label: 'Total',
        values: [referrals.total, individuals.total, ...(before ? [before.referrals.total, before.individuals.total] : [])],
        total: true,
      },
    ],
  };
}

function crossTable(id: string, title: string, definition: string, t: CrossTable<Count>): PackTable {
  return {
    id,
    title,
    definition,
    // The corner heading names what the rows are, so that no header cell is empty to a screen reader.
    columns: [dimensionTitle(t.rowDimension), ...t.columns, 'Total'],
    rows: [
      ...t.rows.map((row, r) => ({ label: row, values: [...t.counts[r], t.rowTotals[r]] })),
      { label: 'Total', values: [...t.columnTotals, t.total], total: true },
    ],
  };
}

export interface PackContext {
  readonly audienceName: string;
  readonly revision: number;
  readonly generatedAt: string;
  readonly marking: string | null;
  readonly changes: ReportChanges | null;
}

export const RESTRICTED_NOTE =
  'Exact figures for the members of this board under its data-sharing agreement. Do not publish or pass on; what is published comes from the published version of this report, with small numbers suppressed.';

/** A board report as a pack: its title, what it covers, and its tables. */
export function boardPack(report: StatisticsReport<Count> & Pick<RestrictedReport, 'yearBefore' | 'caseFigures'>, context: PackContext): BoardPack {
  const restricted = context.marking !== null;
  return {
    title: `Modern slavery referrals: ${context.audienceName}, ${report.period.label}${restricted ? ' (restricted)' : ''}`,
    marking: context.marking,
    meta: [
      ['Period', `${report.period.label} (${longDate(report.period.from)} to ${longDate(report.period.to)})`],
      ['Coverage', report.population.label],
      ['Data cut-off', dateTime(report.dataCutOff)],
      ['Generated', dateTime(context.generatedAt)],
      ['Revision', String(context.revision)],
      ['Figures', restricted ? 'Exact counts (restricted)' : 'Disclosure-controlled (published)'],
    ],
    note: restricted ? RESTRICTED_NOTE : (report.disclosureRule ?? ''),
    tables: packTables(report),
    countingRules: report.countingRules,
    changes: context.changes,
  };
}
