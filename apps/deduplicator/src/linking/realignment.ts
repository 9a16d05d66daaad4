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
  /**
   * Linked, or linked again, after the snapshot the batch engine linked (`followers`): it goes with its person's
   * records and has no say in where they go.
   */
  readonly follows?: boolean;
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
    const weight = !r.movable ? PINNED : r.follows ? 0 : 1;
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

/** A record the batch did not see as it is now, as `followers` takes it: everything but its batch person. */
export type UnseenRecord = Omit<HeldRecord, 'cluster' | 'follows'>;

/**
 * The batch engine links a snapshot of the index while linking goes on, so records linked (or linked again) after
 * the snapshot were not seen as they are. Each such record goes with its person's records: its batch person is the
 * one most of its person's seen records belong to (on a tie, the one holding the person's earliest decision), so it
 * stays where it is while its person keeps its id and moves with them when they join another person. A record
 * whose person holds no seen record (a new person) gets none and is left alone. `seen` are the held records the
 * batch saw.
 */
export function followers(seen: readonly HeldRecord[], unseen: readonly UnseenRecord[]): HeldRecord[] {
  const tally = new Map<string, Map<string, { count: number; rank: number }>>();
  for (const r of seen) {
    const clusters = tally.get(r.personId) ?? new Map<string, { count: number; rank: number }>();
    const t = clusters.get(r.cluster);
    if (t) {
      t.count += 1;
      t.rank = Math.min(t.rank, r.rank);
    } else clusters.set(r.cluster, { count: 1, rank: r.rank });
    tally.set(r.personId, clusters);
  }
  const clusterOfPerson = new Map<string, string>();
  for (const [personId, clusters] of tally) {
    const [best] = [...clusters].sort(([, a], [, b]) => b.count - a.count || a.rank - b.rank);
    clusterOfPerson.set(personId, best[0]);
  }
  return unseen.flatMap((r) => {
    const cluster = clusterOfPerson.get(r.personId);
    return cluster === undefined ? [] : [{ ...r, cluster, follows: true }];
  });
}

/** A pair the batch engine left for a reviewer (`LinkageResult.reviews`), by index key. */
export interface BatchReviewPair {
  readonly key: string;
  readonly candidateKey: string;
  readonly probability: number;
  /** 'confirm_match': linked inside one person below the confirmation threshold; else the two were kept apart. */
  readonly confirm: boolean;
}

/** A review the batch engine asks for, as the worker raises one: about a record, against a person. */
export interface WantedReview {
  readonly candidatePersonId: string;
  /** A link to confirm (the candidate is the record's own person). */
  readonly confirm: boolean;
  /** The record of the batch's pair in that person (the strongest pair when several ask about one person). */
  readonly via?: string;
  readonly probability?: number;
}

/**
 * The worker's reviews that the batch engine's review pairs call for, once the index holds its persons: each pair
 * is about the record that arrived later (`arrival`, smaller is earlier), as the worker raises a review when the
 * second record of a pair arrives, against the other record's person. A link to confirm stays one only while both
 * records are in one person; a pair the moves put in one person asks nothing more. Only records `eligible` (the
 * engine's own decisions) get reviews here; keys the index does not hold are skipped.
 */
export function reviewsWanted(
  pairs: readonly BatchReviewPair[],
  arrival: (key: string) => number,
  personOf: (key: string) => string | undefined,
  eligible: (key: string) => boolean,
): Map<string, WantedReview[]> {
  const wanted = new Map<string, Map<string, WantedReview>>();
  for (const pair of pairs) {
    const [subject, other] = arrival(pair.key) >= arrival(pair.candidateKey) ? [pair.key, pair.candidateKey] : [pair.candidateKey, pair.key];
    if (!eligible(subject)) continue;
    const own = personOf(subject);
    const theirs = personOf(other);
    if (own === undefined || theirs === undefined) continue;
    if (pair.confirm !== (own === theirs)) continue;
    const reviews = wanted.get(subject) ?? new Map<string, WantedReview>();
    const seen = reviews.get(theirs);
    if (!seen || (seen.probability ?? 0) < pair.probability) {
      reviews.set(theirs, { candidatePersonId: theirs, confirm: pair.confirm, via: other, probability: pair.probability });
    }
    wanted.set(subject, reviews);
  }
  return new Map([...wanted].map(([key, reviews]) => [key, [...reviews.values()]]));
}

/** Whether a record's open reviews (candidate person and whether it is a confirmation) are exactly those wanted. */
export function sameReviews(open: readonly WantedReview[], wanted: readonly WantedReview[]): boolean {
  const id = (r: WantedReview) => `${r.candidatePersonId}\u0000${String(r.confirm)}`;
  const a = new Set(open.map(id));
  return a.size === wanted.length && wanted.every((r) => a.has(id(r)));
}
