import { BREAKDOWNS, type BreakdownTable, type Count, type CrossTable, dimensionTitle } from '../statistics/figures';
import type { StatisticsReport } from '../statistics/statistics-report';
import type { ReportChanges } from '../board-reports/report-changes';
import { RESTRICTED_NOTE } from '../board-reports/board-pack';
import { barChart, groupedBarChart, shown } from './charts';
import { escapeHtml as e } from './escape';
import { dateTime, inSentence } from '@app/web';

export interface HtmlContext {
  /** Board reports: the board, revision and generation time. */
  readonly audienceName?: string;
  readonly revision?: number;
  readonly generatedAt?: string;
  readonly changes?: ReportChanges | null;
  /** A restricted pack's marking (OFFICIAL-SENSITIVE): at the top and foot, and on every printed page. */
  readonly marking?: string | null;
}

const STYLE = `
  :root { color: #0b0c0c; }
  body { font-family: Arial, Helvetica, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; }
  h1 { font-size: 1.8rem; margin-bottom: .25rem; }
  h2 { font-size: 1.35rem; border-bottom: 2px solid #1d70b8; padding-bottom: .2rem; margin-top: 2rem; }
  h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
  table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .9rem; }
  th, td { border-bottom: 1px solid #b1b4b6; padding: .25rem .6rem; text-align: left; vertical-align: top; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #0b0c0c; }
  dl.meta { display: grid; grid-template-columns: max-content auto; gap: .15rem 1rem; margin: 1rem 0; }
  dl.meta dt { font-weight: bold; }
  dl.meta dd { margin: 0; }
  .headline { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
  .headline div { border-left: 5px solid #1d70b8; padding: .3rem .8rem; background: #f3f2f1; min-width: 10rem; }
  .headline strong { display: block; font-size: 2rem; }
  .note { background: #f3f2f1; padding: .6rem .8rem; border-left: 5px solid #505a5f; }
  figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
  figure svg { max-width: 100%; height: auto; }
  figcaption { font-weight: bold; margin-bottom: .3rem; }
  .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
  section.table { break-inside: avoid; page-break-inside: avoid; }
  @media (max-width: 50rem) { .pair { grid-template-columns: 1fr; } }
  .marking { text-align: center; font-weight: bold; letter-spacing: .05em; border: 2px solid #0b0c0c; padding: .2rem; margin: .5rem 0; }
  @page { size: A4; margin: 15mm 12mm; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; }
    h2 { break-after: avoid; page-break-after: avoid; }
    h2.new-page { break-before: page; page-break-before: always; }
    .pair { grid-template-columns: 1fr 1fr; }
    table, figure, section.table { break-inside: avoid; page-break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
`;

/**
 * A report as one self-contained HTML page: no script and nothing fetched, so it opens offline, passes a strict
 * content security policy, and prints to A4 with tables and charts kept whole on a page.
 */
export function reportHtml(report: StatisticsReport<Count>, context: HtmlContext = {}): string {
  const board = context.audienceName !== undefined;
  const title = board ? `Modern slavery referrals: ${context.audienceName}, ${report.period.label}` : `Modern slavery referrals, ${report.period.label}`;
  const { referrals, individuals } = report;
  const meta: Array<[string, string]> = [
    ['Period', `${report.period.label} (${report.period.from} to ${report.period.to})`],
    ['Coverage', report.population.label],
    ['Data cut-off', report.dataCutOff],
    ...(context.generatedAt ? ([['Generated', context.generatedAt]] as Array<[string, string]>) : []),
    ...(context.revision !== undefined ? ([['Revision', String(context.revision)]] as Array<[string, string]>) : []),
    ['Figures', report.figuresAre === 'exact' ? 'Exact counts: internal use only, not for circulation' : 'Disclosure-controlled'],
  ];
  const chartBreakdowns = ['ageGroup', 'gender', 'exploitationType', 'firstResponderType'] as const;

  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${context.marking ? `<p class="marking">${e(context.marking)}</p>` : ''}
<header>
<h1>${e(title)}</h1>
<dl class="meta">${meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>
${report.disclosureRule ? `<p class="note">${e(report.disclosureRule)}</p>` : context.marking ? `<p class="note">${e(RESTRICTED_NOTE)}</p>` : '<p class="note">These are exact figures for the safeguarding lead. Anything sent to a board must come from a board report.</p>'}
</header>
<main>
<section class="headline" aria-label="Key figures">
<div>Referrals and notifications<strong>${e(shown(referrals.total))}</strong></div>
<div>Individuals<strong>${e(shown(individuals.total))}</strong></div>
${referrals.breakdowns.kind.cells.map((c) => `<div>${e(c.label)}<strong>${e(shown(c.count))}</strong></div>`).join('\n')}
</section>
${changesSection(context.changes)}
<h2>Referrals and individuals by quarter</h2>
<figure>
<figcaption>Referrals and individuals by quarter</figcaption>
${groupedBarChart(
  'Referrals and individuals by quarter',
  report.quarters.map((q) => q.label),
  [
    { name: 'Referrals', values: report.quarters.map((q) => q.referrals) },
    { name: 'Individuals', values: report.quarters.map((q) => q.individuals) },
  ],
)}
</figure>
<table>
<thead><tr><th>Quarter</th><th class="n">Referrals</th><th class="n">Individuals</th></tr></thead>
<tbody>${report.quarters.map((q) => `<tr><th>${e(q.label)}</th><td class="n">${e(shown(q.referrals))}</td><td class="n">${e(shown(q.individuals))}</td></tr>`).join('')}</tbody>
</table>
<p>A person referred in two quarters is one individual in each, so individuals by quarter can add up to more than the period's individuals.</p>

<h2 class="new-page">Main breakdowns</h2>
<div class="pair">
${chartBreakdowns.map((name) => figure(referrals.breakdowns[name], 'Referrals')).join('\n')}
${figure(topNationalities(referrals.breakdowns.nationality), 'Referrals', 'Nationality (ten largest)')}
</div>

<h2 class="new-page">Tables</h2>
${BREAKDOWNS.map((name) => pairedTable(referrals.breakdowns[name], individuals.breakdowns[name])).join('\n')}
${crossTabTable(referrals.ageGroupByLocation, 'Referrals')}
${crossTabTable(individuals.ageGroupByLocation, 'Individuals')}

<h2 class="new-page">Home Office decisions</h2>
<p>Decisions made in the period, whenever the referral was made, by the age at exploitation of the referral.</p>
${crossTabTable(report.decisions.reasonableGrounds, 'Decisions')}
${crossTabTable(report.decisions.conclusiveGrounds, 'Decisions')}
${crossTabTable(report.decisions.consentToStay, 'Decisions')}
${singleTable(report.decisions.withdrawals, 'Withdrawals')}

<h2>How the figures are counted</h2>
<ul>${report.countingRules.map((rule) => `<li>${e(rule)}</li>`).join('')}</ul>
</main>
${context.marking ? `<p class="marking">${e(context.marking)}</p>` : ''}
</body>
</html>
`;
}

function figure(t: BreakdownTable<Count>, measure: string, title = t.title): string {
  return `<figure><figcaption>${e(`${measure} by ${title.toLowerCase()}`)}</figcaption>${barChart(
    `${measure} by ${title}`,
    t.cells.map((c) => ({ label: c.label, value: c.count })),
  )}</figure>`;
}

/** The ten largest published nationalities; "c" cells sort last (their size is not published). */
function topNationalities(t: BreakdownTable<Count>): BreakdownTable<Count> {
  const cells = [...t.cells]
    .filter((c) => c.count !== 0)
    .sort((a, b) => (typeof b.count === 'number' ? b.count : -1) - (typeof a.count === 'number' ? a.count : -1))
    .slice(0, 10);
  return { ...t, cells };
}

function pairedTable(referrals: BreakdownTable<Count>, individuals: BreakdownTable<Count>): string {
  const people = new Map(individuals.cells.map((c) => [c.label, c.count]));
  return `<section class="table"><h3>${e(referrals.title)}</h3>
<table>
<thead><tr><th>${e(referrals.title)}</th><th class="n">Referrals</th><th class="n">Individuals</th></tr></thead>
<tbody>${referrals.cells.map((c) => `<tr><th>${e(c.label)}</th><td class="n">${e(shown(c.count))}</td><td class="n">${e(shown(people.get(c.label) ?? 0))}</td></tr>`).join('')}
<tr class="total"><th>Total</th><td class="n">${e(shown(referrals.total))}</td><td class="n">${e(shown(individuals.total))}</td></tr></tbody>
</table></section>`;
}

function singleTable(t: BreakdownTable<Count>, measure: string): string {
  return `<section class="table"><h3>${e(t.title)}</h3>
<table>
<thead><tr><th>${e(t.title)}</th><th class="n">${e(measure)}</th></tr></thead>
<tbody>${t.cells.map((c) => `<tr><th>${e(c.label)}</th><td class="n">${e(shown(c.count))}</td></tr>`).join('')}
<tr class="total"><th>Total</th><td class="n">${e(shown(t.total))}</td></tr></tbody>
</table></section>`;
}

function crossTabTable(t: CrossTable<Count>, measure: string): string {
  return `<section class="table"><h3>${e(`${measure}: ${inSentence(t.title)}`)}</h3>
<table>
<thead><tr><th>${e(dimensionTitle(t.rowDimension))}</th>${t.columns.map((c) => `<th class="n">${e(c)}</th>`).join('')}<th class="n">Total</th></tr></thead>
<tbody>${t.rows
    .map(
      (row, r) =>
        `<tr><th>${e(row)}</th>${t.counts[r].map((v) => `<td class="n">${e(shown(v))}</td>`).join('')}<td class="n">${e(shown(t.rowTotals[r]))}</td></tr>`,
    )
    .join('')}
<tr class="total"><th>Total</th>${t.columnTotals.map((v) => `<td class="n">${e(shown(v))}</td>`).join('')}<td class="n">${e(shown(t.total))}</td></tr></tbody>
</table></section>`;
}

function changesSection(changes: ReportChanges | null | undefined): string {
  if (!changes) return '';
  const rows = changes.changed
    .map(
      (c) =>
        `<tr><td>${e(c.measure)}</td><td>${e(c.table)}</td><td>${e([c.category, c.subcategory].filter(Boolean).join(' × '))}</td><td class="n">${e(c.before === null ? '–' : shown(c.before))}</td><td class="n">${e(c.after === null ? '–' : shown(c.after))}</td></tr>`,
    )
    .join('');
  return `<h2>What changed since revision ${changes.previousRevision}</h2>
<p>Revision ${changes.previousRevision} had data up to ${e(dateTime(changes.previousDataCutOff))}. Late referrals, decisions and merges of duplicate records change figures between revisions.</p>
${changes.changed.length === 0 ? '<p>No published figure changed.</p>' : `<table><thead><tr><th>Measure</th><th>Table</th><th>Category</th><th class="n">Was</th><th class="n">Now</th></tr></thead><tbody>${rows}</tbody></table>`}`;
}
