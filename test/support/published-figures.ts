import { auditLinkedPopulations } from '@app/statistics/disclosure.testing';
import {
  type DisclosureAudit,
  type LinkedCellRef,
  type LinkedPopulations,
  type PopulationLink,
  type PublishedBreakdown,
  type PublishedCount,
  type PublishedCrossTab,
  type PublishedPopulation,
  publishedColumnBreakdown,
  publishedRowBreakdown,
} from '@app/statistics';

/** A report's published figures as the JSON API answers them (the parts a reader audits). */
export interface PublishedReportFigures {
  referrals: PublishedPopulationFigures;
  individuals: PublishedPopulationFigures;
  quarters: Array<{ label: string; referrals: PublishedCount; individuals: PublishedCount }>;
  decisions: {
    reasonableGrounds: PublishedCrossTab;
    conclusiveGrounds: PublishedCrossTab;
    consentToStay: PublishedCrossTab;
    withdrawals: PublishedBreakdown;
  };
}

export interface PublishedPopulationFigures {
  total: PublishedCount;
  breakdowns: Record<string, PublishedBreakdown>;
  ageGroupByLocation: PublishedCrossTab;
}

export type BoardPopulation = 'adults' | 'children' | 'all';

/**
 * The three boards' reports of one period as a reader holding all of them would read them, built from the JSON
 * alone (not by the app's own code): each report's tables share its total (the age-group and location breakdowns
 * are the cross-tab's margins, so they must equal them and are not read twice), referrals by quarter add up to it,
 * adults + children = all cell by cell for referrals and every decision table, individuals of all are at most
 * adults' + children's (the people in both guarded: they may not be worked out as 1 to 5), and each quarter's
 * individuals at most the period's and together at least them. (Not "individuals ≤ referrals": the app does not
 * protect against it; see linkedPopulationsOf in apps/insights/src/statistics/disclosure.ts.)
 */
export function boardReportsAsLinkedPopulations(reports: Record<BoardPopulation, PublishedReportFigures>): LinkedPopulations<PublishedPopulation> {
  const populations: Record<string, PublishedPopulation> = {};
  const links: PopulationLink[] = [];
  for (const [population, report] of Object.entries(reports) as Array<[BoardPopulation, PublishedReportFigures]>) {
    for (const measure of ['referrals', 'individuals'] as const) {
      const figures = report[measure];
      const { ageGroup, location, ...separate } = figures.breakdowns;
      // Reports come back from jsonb, which orders keys its own way: compare labels and counts.
      const same = (a: PublishedBreakdown, b: PublishedBreakdown): boolean =>
        a.cells.length === b.cells.length && a.cells.every((c, i) => c.label === b.cells[i].label && c.count === b.cells[i].count);
      if (!same(ageGroup, publishedRowBreakdown(figures.ageGroupByLocation))) {
        throw new Error(`${population} ${measure}: the age-group breakdown is not the cross-tab's margin`);
      }
      if (!same(location, publishedColumnBreakdown(figures.ageGroupByLocation))) {
        throw new Error(`${population} ${measure}: the location breakdown is not the cross-tab's margin`);
      }
      const quarterCells = report.quarters.map((q) => ({ label: q.label, count: q[measure] }));
      populations[`${measure}:${population}`] = {
        breakdowns: [...Object.values(separate), ...(measure === 'referrals' ? [{ dimension: 'quarter', total: figures.total, cells: quarterCells }] : [])],
        crossTabs: [figures.ageGroupByLocation],
        ...(measure === 'individuals' ? { overlapping: { dimension: 'quarter', cells: quarterCells } } : {}),
      };
    }
    for (const [kind, table] of Object.entries(report.decisions)) {
      populations[`${kind}:${population}`] = 'cells' in table ? { breakdowns: [table] } : { crossTabs: [table] };
    }
  }
  const across = (family: string, relation: 'partition' | 'cover'): void => {
    links.push({ relation, parts: [`${family}:adults`, `${family}:children`], whole: `${family}:all` });
  };
  across('referrals', 'partition');
  across('individuals', 'cover');
  for (const kind of Object.keys(reports.all.decisions)) across(kind, 'partition');
  return { populations, links };
}

/** The joint audit of the three boards' reports of a period: what a reader holding all three can work out. */
export function auditBoardReports(reports: Record<BoardPopulation, PublishedReportFigures>): DisclosureAudit<LinkedCellRef> {
  return auditLinkedPopulations(boardReportsAsLinkedPopulations(reports));
}
