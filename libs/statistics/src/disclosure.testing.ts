/**
 * For tests only (never imported by an app): the exact min/max auditors, which answer the least and greatest value
 * of every "c" and are what the tests hold the suppression to; the one-population suppressors the apps do not use;
 * and the reading of two revisions together. The apps protect through `suppressLinkedPopulations` and gate with
 * `proveLinkedPopulationsSafe` (`@app/statistics`).
 */
export { auditBreakdown, auditBreakdownsSharingTotal, auditCrossTab, auditTablesSharingTotal } from './disclosure-audit';
export { suppressBreakdownsSharingTotal, suppressCrossTab, suppressTablesSharingTotal } from './disclosure-control';
export { EARLIER_REVISION, OVERLAP, auditLinkedPopulations, linkRevisions } from './disclosure-linked';
