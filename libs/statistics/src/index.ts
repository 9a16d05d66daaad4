/**
 * Statistics domain: reporting periods, Home Office NRM labels, tables that add up, and disclosure control.
 * Plain functions, no framework. The insights app groups referral rows in SQL, labels each group
 * (`ageGroupAtExploitation`, `exploitationTypeLabel`, ...), builds tables (`buildBreakdown`, `buildCrossTab`),
 * and for the boards passes the tables of every population of a period through `suppressLinkedPopulations` together
 * (adults + children = all, cell by cell), one population's through `suppressTablesSharingTotal`.
 */
export * from './statistics.errors';
export type { CalendarDate } from './calendar-date';
export { ageOn, isLeapYear } from './calendar-date';
export * from './period';
export * from './published-period';
export * from './exploitation-type';
export * from './age-group';
export * from './labels';
export * from './dimension';
export * from './table';
export * from './disclosure-control';
export * from './disclosure-audit';
export * from './disclosure-linked';
export type { CrossTabShape } from './disclosure-layout';
