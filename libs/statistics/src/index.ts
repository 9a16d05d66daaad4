/**
 * Statistics domain: reporting periods, Home Office NRM labels, tables that add up, and disclosure control.
 * Plain functions, no framework. The insights app groups referral rows in SQL, labels each group
 * (`ageGroupOf`, which asks `ageGroupAtExploitation`; `exploitationTypeLabel`, ...), builds tables (`buildBreakdown`, `buildCrossTab`),
 * and for the boards passes the tables of every population of a period through `suppressLinkedPopulations` together
 * (adults + children = all, cell by cell), one population's through `suppressTablesSharingTotal`, and proves the
 * result with `proveLinkedPopulationsSafe`. Only what the apps use is exported here; the exact min/max auditors and
 * the other helpers tests use are in `@app/statistics/disclosure.testing`.
 */
export type * from './statistics.errors';
export { InvalidPeriodError, TableInvariantError } from './statistics.errors';
export type { CalendarDate } from './calendar-date';
export { ageOn, CALENDAR_DAYS } from './calendar-date';
export type { Period, PeriodKind, CalendarPeriodKind } from './period';
export { parsePeriod, periodFromTo, quarterPeriod, financialYearPeriod, periodContaining, quartersIn } from './period';
export type * from './published-period';
export { PUBLISHED_PERIODS_TEXT, UnpublishedPeriodError, parsePublishedPeriod, periodsOf, publicationSetOf } from './published-period';
export type * from './exploitation-type';
export { EXPLOITATION_TYPES, exploitationTypeLabel } from './exploitation-type';
export type * from './age-group';
export type { AgeBand, AgeBandFacts } from './age-band';
export { ageGroupOf } from './age-band';
export type * from './labels';
export {
  caseSystemLabel,
  countyLinesLabel,
  decisionOutcomeLabel,
  firstResponderTypeLabel,
  genderLabel,
  kindLabel,
  locationLabel,
  nationalityLabel,
  sourceLabel,
  submissionLabel,
} from './labels';
export type * from './dimension';
export { DIMENSIONS, categoricalDimension } from './dimension';
export type * from './table';
export { buildBreakdown, buildCrossTab, columnBreakdown, rowBreakdown } from './table';
export type {
  BreakdownCellRef,
  CrossTabCellRef,
  DisclosureControlled,
  PublishedBreakdown,
  PublishedCell,
  PublishedCount,
  PublishedCrossTab,
  PublishedTablesSharingTotal,
  Suppression,
  SuppressionReason,
  TableCellRef,
  TablesSharingTotal,
} from './disclosure-control';
export { publishCount, publishedColumnBreakdown, publishedRowBreakdown, suppressBreakdown } from './disclosure-control';
export type { AuditOptions, DisclosureAudit, SuppressedCellRange } from './disclosure-audit';
export type {
  LinkedCellRef,
  LinkedPopulations,
  OverlappingCounts,
  PopulationLink,
  PopulationTables,
  PublishedOverlappingCounts,
  PublishedPopulation,
  PublishedPopulationTables,
  SafetyProof,
} from './disclosure-linked';
export { proveLinkedPopulationsSafe, suppressLinkedPopulations } from './disclosure-linked';
export type { CrossTabShape } from './disclosure-layout';
