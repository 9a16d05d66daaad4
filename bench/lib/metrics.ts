import type { LinkageResult, ReviewItem } from '@app/matching';

/** Pairwise precision, recall and F1 of a predicted partition against the truth, without listing pairs. */
export interface PairwiseScores {
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly correctPairs: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly trueEntities: number;
  readonly predictedEntities: number;
  /** (predicted − true) / true. */
  readonly entityCountError: number;
}

function pairsIn(size: number): number {
  return (size * (size - 1)) / 2;
}

export function pairwiseScores(predicted: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>): PairwiseScores {
  const predictedSizes = new Map<string, number>();
  const trueSizes = new Map<string, number>();
  const jointSizes = new Map<string, number>();
  for (const [recordId, entity] of truth) {
    const person = predicted.get(recordId);
    if (person === undefined) throw new Error(`no prediction for record ${recordId}`);
    predictedSizes.set(person, (predictedSizes.get(person) ?? 0) + 1);
    trueSizes.set(entity, (trueSizes.get(entity) ?? 0) + 1);
    const joint = `${person}\u0000${entity}`;
    jointSizes.set(joint, (jointSizes.get(joint) ?? 0) + 1);
  }
  let truePairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const s of trueSizes.values()) truePairs += pairsIn(s);
  for (const s of predictedSizes.values()) predictedPairs += pairsIn(s);
  for (const s of jointSizes.values()) correctPairs += pairsIn(s);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    truePairs,
    predictedPairs,
    correctPairs,
    precision,
    recall,
    f1,
    trueEntities: trueSizes.size,
    predictedEntities: predictedSizes.size,
    entityCountError: (predictedSizes.size - trueSizes.size) / trueSizes.size,
  };
}

/**
 * The review load: the share of `records` with an open review (a possible match, a link held back by a group or
 * sibling rule, or a link waiting to be confirmed). `underReview` names each such record, in any order, repeats
 * allowed.
 */
export function reviewLoad(underReview: Iterable<string>, records: number): number {
  return records === 0 ? 0 : new Set(underReview).size / records;
}

/**
 * The batch linker's review load as the running system would carry it: a review is about the record that arrived
 * second of its pair (the deduplicator raises it on that record's arrival, against the person already holding the
 * other), so the later of the two records in input order is the one under review. `recordIds` is the input, in
 * arrival order.
 */
export function batchReviewLoad(result: Pick<LinkageResult, 'reviews'>, recordIds: readonly string[]): number {
  const subject = reviewSubject(recordIds);
  return reviewLoad(
    result.reviews.map((r) => subject(r)),
    recordIds.length,
  );
}

/** The record a batch review pair is about: the one of the two that arrives later in `recordIds` (arrival order). */
function reviewSubject(recordIds: readonly string[]): (pair: Pick<ReviewItem, 'recordId' | 'candidateRecordId'>) => string {
  const position = new Map(recordIds.map((id, i) => [id, i]));
  const at = (id: string): number => position.get(id) ?? -1;
  return ({ recordId, candidateRecordId }) => (at(recordId) >= at(candidateRecordId) ? recordId : candidateRecordId);
}

/** The earlier, stricter count: both records of every review pair the batch leaves open. */
export function batchReviewLoadBothRecords(result: Pick<LinkageResult, 'reviews'>, records: number): number {
  return reviewLoad(
    result.reviews.flatMap((r) => [r.recordId, r.candidateRecordId]),
    records,
  );
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * The persons once reviewers have settled every open review the batch left, and settled it rightly (the truth
 * answers for them): a link to confirm that joins two people is undone (the record that arrived second leaves for
 * a person of its own), and a possible match or held-back link between two persons that are one is merged. What
 * the review queue is worth: the counts a board would get after the work it asks for, beside those before.
 */
export function settledByReviewers(
  predicted: ReadonlyMap<string, string>,
  result: Pick<LinkageResult, 'reviews'>,
  truth: ReadonlyMap<string, string>,
  recordIds: readonly string[],
): Map<string, string> {
  const subject = reviewSubject(recordIds);
  const sameTruth = (a: string, b: string): boolean => truth.get(a) !== undefined && truth.get(a) === truth.get(b);
  const settled = new Map(predicted);
  for (const r of result.reviews) {
    if (r.reason === 'confirm_match' && !sameTruth(r.recordId, r.candidateRecordId)) {
      const moved = subject(r);
      settled.set(moved, `reviewed:${moved}`);
    }
  }
  const parent = new Map<string, string>();
  const find = (p: string): string => {
    let root = p;
    while (parent.has(root)) root = parent.get(root) as string;
    return root;
  };
  for (const r of result.reviews) {
    if (r.reason === 'confirm_match' || !sameTruth(r.recordId, r.candidateRecordId)) continue;
    const a = find(settled.get(r.recordId) as string);
    const b = find(settled.get(r.candidateRecordId) as string);
    if (a !== b) parent.set(b, a);
  }
  for (const [record, person] of settled) settled.set(record, find(person));
  return settled;
}
