import { clusterRecords, PairScore } from './cluster';
import { DEFAULT_LINKAGE_CONFIG } from './config';

const strong: PairScore = { probability: 0.999, contradicts: false };
const weak: PairScore = { probability: 0.01, contradicts: false };
const contradiction: PairScore = { probability: 0, contradicts: true };

function scores(table: Record<string, PairScore>) {
  return (a: number, b: number): PairScore => table[`${Math.min(a, b)}-${Math.max(a, b)}`] ?? weak;
}

describe(clusterRecords.name, () => {
  it('joins records linked by MATCH links that agree as a group', () => {
    const table = { '0-1': strong, '1-2': strong, '0-2': strong };
    const links = Object.keys(table).map((k) => {
      const [a, b] = k.split('-').map(Number);
      return { a, b, probability: 0.999 };
    });
    const { clusterOf, refused } = clusterRecords(3, links, scores(table), DEFAULT_LINKAGE_CONFIG);
    expect(new Set(clusterOf).size).toBe(1);
    expect(refused).toHaveLength(0);
  });

  it('does not chain: a record matching two people who contradict each other joins only one', () => {
    const table = { '0-1': strong, '1-2': { probability: 0.98, contradicts: false }, '0-2': contradiction };
    const links = [
      { a: 0, b: 1, probability: 0.999 },
      { a: 1, b: 2, probability: 0.98 },
    ];
    const { clusterOf, refused } = clusterRecords(3, links, scores(table), DEFAULT_LINKAGE_CONFIG);
    expect(clusterOf[0]).toBe(clusterOf[1]);
    expect(clusterOf[2]).not.toBe(clusterOf[1]);
    expect(refused).toEqual([{ a: 1, b: 2, probability: 0.98 }]);
  });

  it('does not merge two groups of people joined by a single link when the other pairs across them are weak', () => {
    const table: Record<string, PairScore> = {
      '0-1': strong,
      '0-2': strong,
      '1-2': strong,
      '3-4': strong,
      '3-5': strong,
      '4-5': strong,
      '2-3': { probability: 0.95, contradicts: false },
    };
    const links = Object.entries(table).map(([k, s]) => {
      const [a, b] = k.split('-').map(Number);
      return { a, b, probability: s.probability };
    });
    const none: PairScore = { probability: 0, contradicts: false };
    const { clusterOf, refused } = clusterRecords(6, links, (a, b) => table[`${Math.min(a, b)}-${Math.max(a, b)}`] ?? none, DEFAULT_LINKAGE_CONFIG);
    expect(new Set(clusterOf).size).toBe(2);
    expect(refused).toEqual([{ a: 2, b: 3, probability: 0.95 }]);
  });
});
