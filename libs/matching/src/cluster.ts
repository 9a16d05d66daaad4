import { LinkageConfig } from './config';
import { decideLink, GroupTally, PairScore } from './decision';

export type { PairScore } from './decision';

/** A scored link between two records (indices into the batch). */
export interface LinkEdge {
  readonly a: number;
  readonly b: number;
  readonly probability: number;
  /** The two records share an identifier only one person holds (see `PairScore.identifierAgrees`). */
  readonly identifierAgrees?: boolean;
}

export interface Clustering {
  /** Cluster representative of every record. */
  readonly clusterOf: Int32Array;
  /** MATCH links that were not followed because the groups they would join do not match as a whole. */
  readonly refused: readonly LinkEdge[];
}

/**
 * Groups records into persons from their MATCH links, strongest first. Two groups merge only when `decideLink`
 * says so for every pair across them: none contradicts, and their mean match probability is high enough. A record matching two
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
  for (const link of ordered) {
    const ra = find(link.a);
    const rb = find(link.b);
    if (ra === rb) continue;
    const groupA = members[ra];
    const groupB = members[rb];
    const tally = new GroupTally();
    outer: for (const x of groupA) {
      for (const y of groupB) {
        tally.add(x === link.a && y === link.b ? { probability: link.probability, contradicts: false, identifierAgrees: link.identifierAgrees } : score(x, y));
        if (tally.contradicted) break outer;
      }
    }
    if (decideLink({ probability: link.probability, guarded: false, identifierAgrees: link.identifierAgrees, group: tally }, config).decision !== 'MATCH') {
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
