/**
 * Disclosure control for everything that leaves for a board, after the DfE Children in Need statistics and GSS
 * guidance (docs/domain.md, "Disclosure control"): "any number between 1 and 5 inclusive has been suppressed and replaced by 'c'.
 * Secondary suppression has been applied where necessary." Zeros are published as 0.
 */
export const SUPPRESSED = 'c';
export type PublishedCount = number | typeof SUPPRESSED;

export const SMALLEST_SUPPRESSED = 1;
export const LARGEST_SUPPRESSED = 5;

/** Primary: a count of 1 to 5. Secondary: suppressed so that a primary cannot be worked out from the rest. */
export type SuppressionReason = 'primary' | 'secondary';

export function isSmallCount(count: number): boolean {
  return count >= SMALLEST_SUPPRESSED && count <= LARGEST_SUPPRESSED;
}
