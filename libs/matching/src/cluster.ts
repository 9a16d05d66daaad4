import { LinkageConfig } from './config';

/** A scored link between two records (indices into the batch). */
export interface LinkEdge {
  readonly a: number;
  readonly b: number;
  readonly probability: number;
}

export interface PairScore {
  readonly probability: number;
  /** The pair says its two groups are different people (see `Scorer.contradicts`). */
  readonly contradicts: boolean;
}

export interface Clustering {
  /** Cluster representative of every record. */
  readonly clusterOf: Int32Array;
  /** MATCH links that were not followed because the groups they would join do not match as a whole. */
  readonly refused: readonly LinkEdge[];
}

/**
 * Groups records into persons from their MATCH links, strongest first. Two groups merge only when the
 * group-level evidence holds up: no pair across them contradicts (`Scorer.contradicts`), and the
 * mean match probability over every pair across them clears `minMeanProbability`. A record matching two
 * people who do not match each other therefore joins neither blindly: the link is refused and goes to review.
 */
export function clusterRecords(
  recordCount: number,
  matchLinks: readonly LinkEdge[],
  score: (a: number, b: number) => PairScore,
  config: LinkageConfig,
): Clustering {
  const parent = new Int32Array(recordCount);
  const members: number[][] = [];
  for (let i = 0; i < recordCount; i++) {
    parent[i] = i;
    members.push([i]);
  }
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const ordered = [...matchLinks].sort((x, y) => y.probability - x.probability || x.a - y.a || x.b - y.b);
  const refused: LinkEdge[] = [];
  const { minMeanProbability } = config.clustering;
  for (const link of ordered) {
    const ra = find(link.a);
    const rb = find(link.b);
    if (ra === rb) continue;
    const groupA = members[ra];
    const groupB = members[rb];
    let sum = 0;
    let contradicted = false;
    outer: for (const x of groupA) {
      for (const y of groupB) {
        const s = x === link.a && y === link.b ? { probability: link.probability, contradicts: false } : score(x, y);
        if (s.contradicts) {
          contradicted = true;
          break outer;
        }
        sum += s.probability;
      }
    }
    if (contradicted || sum / (groupA.length * groupB.length) < minMeanProbability) {
      refused.push(link);
      continue;
    }
    // Smaller group joins the larger one, so repeated merges stay cheap.
    const [keep, join] = groupA.length >= groupB.length ? [ra, rb] : [rb, ra];
    parent[join] = keep;
    for (const m of members[join]) members[keep].push(m);
    members[join] = [];
  }
  const clusterOf = new Int32Array(recordCount);
  for (let i = 0; i < recordCount; i++) clusterOf[i] = find(i);
  return { clusterOf, refused };
}
