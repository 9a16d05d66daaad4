/**
 * Where each record the engine placed on its own should be, once the batch engine has linked the whole index at
 * once. The worker decides one record at a time, in arrival order: a record that came before the evidence joining
 * it to its person stays apart, and two persons the later records show to be one are never merged. The batch
 * engine sees every record together and decides group against group, so after a new model the worker adopts its
 * persons, except where a reviewer has decided.
 */

/** A record the index holds, as the plan sees it. */
export interface HeldRecord {
  readonly key: string;
  /** The person it is linked to now. */
  readonly personId: string;
  /** The batch engine's person (any label that is equal for records of one batch person). */
  readonly cluster: string;
  /** The engine's own decision, not locked: the plan may move it. A reviewer's decision or a transfer stays. */
  readonly movable: boolean;
  /** A reviewer's decision (locked): its person keeps every record it holds. */
  readonly reviewed?: boolean;
  /** When its current decision was made (smaller is older): the older person keeps its id when one splits. */
  readonly rank: number;
}

export interface Move {
  readonly key: string;
  readonly from: string;
  /** An existing person, or null for a new one shared by every move with the same `newPerson` label. */
  readonly to: string | null;
  /** The batch person the record goes with: the label of the new person when `to` is null. */
  readonly cluster: string;
}

/**
 * Pairs each batch person with the current person that holds most of it (a reviewer's records count before any
 * number of the engine's; then the older records), each current person going to one batch person at most, and
 * moves every movable record to its batch person's pair, or to a new person where its batch person has none.
 * A record is never moved out of a person holding a reviewer's decision: the reviewer judged that person with its
 * records as they were (a transfer, linked by rule, stays itself but holds nothing else in place). Records the
 * batch did not see are not in `held` and are left alone.
 */
export function planRealignment(held: readonly HeldRecord[]): Move[] {
  const PINNED = 1_000_000;
  const overlap = new Map<string, { cluster: string; personId: string; weight: number; rank: number }>();
  const protectedPersons = new Set<string>();
  for (const r of held) {
    if (r.reviewed) protectedPersons.add(r.personId);
    const id = `${r.cluster}\u0000${r.personId}`;
    const seen = overlap.get(id);
    const weight = r.movable ? 1 : PINNED;
    if (seen) {
      seen.weight += weight;
      seen.rank = Math.min(seen.rank, r.rank);
    } else overlap.set(id, { cluster: r.cluster, personId: r.personId, weight, rank: r.rank });
  }
  const pairs = [...overlap.values()].sort((a, b) => b.weight - a.weight || a.rank - b.rank || (a.cluster < b.cluster ? -1 : a.cluster > b.cluster ? 1 : 0));
  const personOfCluster = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of pairs) {
    if (personOfCluster.has(p.cluster) || taken.has(p.personId)) continue;
    personOfCluster.set(p.cluster, p.personId);
    taken.add(p.personId);
  }
  const moves: Move[] = [];
  for (const r of held) {
    if (!r.movable || protectedPersons.has(r.personId)) continue;
    const to = personOfCluster.get(r.cluster) ?? null;
    if (to !== r.personId) moves.push({ key: r.key, from: r.personId, to, cluster: r.cluster });
  }
  return moves;
}
