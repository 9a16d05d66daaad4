import type { PublishedCount } from '@app/statistics';
import type { BreakdownTable, CrossTable, Figures } from '../statistics/figures';
import type { StatisticsReport } from '../statistics/statistics-report';
import { barChart, countAxis, groupedBarChart } from './charts';
import { reportCsv } from './csv';
import { figureCells } from './figure-cells';
import { reportHtml } from './html';

function breakdown(dimension: string, title: string, cells: Array<[string, PublishedCount]>, total: PublishedCount): BreakdownTable<PublishedCount> {
  return { dimension, title, total, cells: cells.map(([label, count]) => ({ label, count })) };
}

function crossTab(title: string): CrossTable<PublishedCount> {
  return {
    title,
    rowDimension: 'r',
    columnDimension: 'c',
    rows: ['A'],
    columns: ['X', 'Y'],
    counts: [[10, 0]],
    rowTotals: [10],
    columnTotals: [10, 0],
    total: 10,
  };
}

function report(nationality = 'Albanian'): StatisticsReport<PublishedCount> {
  const population = {
    total: 10,
    breakdowns: {
      kind: breakdown(
        'kind',
        'NRM referral or Duty to Notify',
        [
          ['NRM referral', 10],
          ['Duty to Notify', 0],
        ],
        10,
      ),
      ageGroup: breakdown('ageGroup', 'Age at exploitation', [['Adult (18 or over)', 10]], 10),
      gender: breakdown(
        'gender',
        'Gender',
        [
          ['Female', 'c'],
          ['Male', 'c'],
        ],
        10,
      ),
      nationality: breakdown('nationality', 'Nationality', [[nationality, 10]], 10),
      exploitationType: breakdown('exploitationType', 'Exploitation type', [['Sexual, Labour & Criminal', 10]], 10),
      firstResponderType: breakdown('firstResponderType', 'First responder organisation type', [['Police', 10]], 10),
      location: breakdown('location', 'Location of exploitation', [['UK', 10]], 10),
      caseSystem: breakdown('caseSystem', 'Case system', [['AIS', 10]], 10),
      source: breakdown('source', 'Where the referral was recorded', [['Referral Hub', 10]], 10),
      submission: breakdown('submission', 'Home Office submission', [['Logged, not yet submitted', 10]], 10),
      countyLines: breakdown('countyLines', 'County lines', [['Not flagged as county lines', 10]], 10),
    },
    ageGroupByLocation: crossTab('Age at exploitation by location of exploitation'),
  };
  const figures: Figures<PublishedCount> = {
    referrals: population,
    individuals: population,
    quarters: [{ code: '2025-Q2', label: 'Q2 2025 (April to June)', from: '2025-04-01', to: '2025-06-30', referrals: 10, individuals: 10, submitted: null }],
    decisions: {
      reasonableGrounds: crossTab('Reasonable grounds'),
      conclusiveGrounds: crossTab('Conclusive grounds'),
      consentToStay: crossTab('Consent'),
      withdrawals: breakdown('ageGroup', 'Withdrawals', [['Adult (18 or over)', 0]], 0),
    },
  };
  return {
    ...figures,
    period: { code: '2025-Q2', kind: 'quarter', label: 'Q2 2025 (April to June)', from: '2025-04-01', to: '2025-06-30' },
    population: { code: 'all', label: 'All referrals' },
    kind: null,
    transitions: null,
    dataCutOff: '2025-07-07T06:00:00.000Z',
    figuresAre: 'disclosure_controlled',
    disclosureRule: 'Counts of 1 to 5 are shown as "c".',
    countingRules: ['A person counts once.'],
  };
}

describe('report formats', () => {
  it('lists every number once with what it counts, totals and margins included', () => {
    const cells = figureCells(report());
    expect(cells).toContainEqual({ measure: 'referrals', table: 'Gender', category: 'Female', subcategory: '', count: 'c' });
    expect(cells).toContainEqual({ measure: 'decisions', table: 'Reasonable grounds', category: 'Total', subcategory: 'Total', count: 10 });
    const keys = cells.map((c) => JSON.stringify([c.measure, c.table, c.category, c.subcategory]));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes CSV with quoting, and defuses text a spreadsheet would run as a formula', () => {
    const csv = reportCsv(report('=HYPERLINK("x")'), { audience: 'community_safety_partnership', revision: 2 });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('audience,revision,period,from,to,coverage,measure,table,category,subcategory,count');
    expect(lines).toContain('community_safety_partnership,2,2025-Q2,2025-04-01,2025-06-30,all,referrals,Exploitation type,"Sexual, Labour & Criminal",,10');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('escapes every label in HTML', () => {
    const html = reportHtml(report('<img src=x onerror=alert(1)>'));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('prints: A4 page rules, tables and charts kept whole', () => {
    const html = reportHtml(report());
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toMatch(/@media print \{[\s\S]*break-inside: avoid/);
  });

  it('draws no bar for a suppressed count, only its "c"', () => {
    const svg = barChart('Gender', [
      { label: 'Female', value: 'c' },
      { label: 'Male', value: 40 },
    ]);
    const widths = [...svg.matchAll(/<rect x="230" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBe(0);
    expect(widths[1]).toBeGreaterThan(0);
    expect(svg).toContain('>c</text>');
  });
});

describe(countAxis.name, () => {
  it('steps a chart of counts in whole numbers', () => {
    expect(countAxis([1])).toEqual({ max: 1, ticks: [0, 1] });
    expect(countAxis([3, 'c'])).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(countAxis([7])).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis([62504])).toEqual({ max: 80000, ticks: [0, 20000, 40000, 60000, 80000] });
  });

  it('never labels a tick of a count chart with a fraction', () => {
    const svg = groupedBarChart(
      'Referrals by quarter',
      ['Q1 2026'],
      [
        { name: 'Referrals', values: [2] },
        { name: 'Individuals', values: [1] },
      ],
    );
    const ticks = [...svg.matchAll(/text-anchor="end">([^<]+)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['0', '1', '2']);
  });
});
