import { batchReviewLoad, batchReviewLoadBothRecords, pairwiseScores, reviewLoad, settledByReviewers } from './metrics';

const review = (recordId: string, candidateRecordId: string) => ({ recordId, candidateRecordId, probability: 0.5, reason: 'possible_match' as const });

describe('review load', () => {
  it('counts each record under review once', () => {
    expect(reviewLoad(['a', 'b', 'a'], 10)).toBe(0.2);
    expect(reviewLoad([], 0)).toBe(0);
  });

  it('puts a batch review on the record of its pair that arrives second, as the running system raises it', () => {
    const order = ['r1', 'r2', 'r3', 'r4'];
    // r3 is reviewed against r1 and against r2: one record under review, whichever way round the pair is named.
    const result = { reviews: [review('r1', 'r3'), review('r3', 'r2')] };
    expect(batchReviewLoad(result, order)).toBe(0.25);
    expect(batchReviewLoadBothRecords(result, order.length)).toBe(0.75);
  });
});

describe('pairwise scores', () => {
  it('scores a split person as lost recall and a merged one as lost precision', () => {
    const truth = new Map([
      ['a', 'P'],
      ['b', 'P'],
      ['c', 'Q'],
    ]);
    const split = pairwiseScores(
      new Map([
        ['a', '1'],
        ['b', '2'],
        ['c', '3'],
      ]),
      truth,
    );
    expect(split.recall).toBe(0);
    const merged = pairwiseScores(
      new Map([
        ['a', '1'],
        ['b', '1'],
        ['c', '1'],
      ]),
      truth,
    );
    expect(merged.recall).toBe(1);
    expect(merged.precision).toBeCloseTo(1 / 3);
  });
});

describe('settled by reviewers', () => {
  const truth = new Map([
    ['a', 'P'],
    ['b', 'P'],
    ['c', 'Q'],
    ['d', 'P'],
  ]);
  const order = ['a', 'b', 'c', 'd'];

  it('merges a true possible match, leaves a false one, and undoes a false link to confirm', () => {
    const predicted = new Map([
      ['a', '1'],
      ['b', '2'],
      ['c', '1'],
      ['d', '3'],
    ]);
    const reviews = [
      { recordId: 'a', candidateRecordId: 'b', probability: 0.5, reason: 'possible_match' as const },
      { recordId: 'c', candidateRecordId: 'd', probability: 0.5, reason: 'possible_match' as const },
      { recordId: 'a', candidateRecordId: 'c', probability: 0.8, reason: 'confirm_match' as const },
    ];
    const settled = settledByReviewers(predicted, { reviews }, truth, order);
    expect(settled.get('a')).toBe(settled.get('b'));
    expect(settled.get('c')).not.toBe(settled.get('a'));
    expect(settled.get('d')).not.toBe(settled.get('a'));
    expect(pairwiseScores(settled, truth).precision).toBe(1);
  });
});
