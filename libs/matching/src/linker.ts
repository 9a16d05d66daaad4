import { CandidatePairs, candidatePairs } from './blocking';
import { clusterRecords, LinkEdge } from './cluster';
import { BatchComparer, COMPARISONS } from './comparisons';
import { DEFAULT_LINKAGE_CONFIG, LinkageConfig } from './config';
import { decideLink, GroupTally, identifierAgrees, scoreAcross } from './decision';
import { LinkageModel } from './model';
import { LinkageRecord, PreparedRecord, prepareRecord } from './record';
import { MatchDecision, MatchExplanation, probabilityFromWeight, RecordFrequencies, Scorer, ScorerOptions } from './scoring';
import { estimateExpectedMatches, nameFrequenciesByNationality, termFrequencies, trainModel } from './training';

/** One record's outcome: the interchange CSV output row. */
export interface RecordLink {
  readonly recordId: string;
  readonly personId: string;
  readonly matchStatus: MatchDecision;
  /** MATCH: strongest link inside the person; POSSIBLE_MATCH: strongest link under review; else best candidate. */
  readonly matchProbability: number;
}

/**
 * possible_match: below the match threshold; sibling_guard: a rule held it back; group_conflict: the groups it
 * would join do not match as a whole; confirm_match: linked, but below the confirmation threshold.
 */
export type ReviewReason = 'possible_match' | 'sibling_guard' | 'group_conflict' | 'confirm_match';

/** A pair a safeguarding lead must look at before the records are merged or kept apart. */
export interface ReviewItem {
  readonly recordId: string;
  readonly candidateRecordId: string;
  readonly probability: number;
  readonly reason: ReviewReason;
}

export interface LinkageResult {
  /** One per input record, in input order. */
  readonly links: readonly RecordLink[];
  readonly personCount: number;
  readonly comparedPairs: number;
  readonly skippedBlocks: number;
  readonly reviews: readonly ReviewItem[];
  /** The model used: as given, or learned from these records. */
  readonly model: LinkageModel;
}

export type LinkageProgress = (phase: 'prepare' | 'train' | 'score' | 'cluster', done: number, total: number) => void;

export interface LinkOptions {
  readonly config?: LinkageConfig;
  /** Use these parameters instead of learning them from the records (as the worker does). */
  readonly model?: LinkageModel;
  /**
   * The given model was learned from these same records (the deduplicator's index): its term frequencies count
   * each record once already, so each record is left out of its own values' frequencies, as when learning here.
   */
  readonly modelCountsTheseRecords?: boolean;
  readonly onProgress?: LinkageProgress;
}

export class DuplicateRecordIdError extends Error {
  constructor(readonly recordId: string) {
    super(`record_id "${recordId}" appears more than once`);
  }
}

/**
 * Links a batch of records into persons: block, learn the model (unless one is given), score every candidate
 * pair, and cluster MATCH links without chaining. The result does not depend on the order of the records.
 */
export function linkRecords(records: readonly LinkageRecord[], options: LinkOptions = {}): LinkageResult {
  const config = options.config ?? DEFAULT_LINKAGE_CONFIG;
  const progress = options.onProgress ?? (() => undefined);
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.recordId)) throw new DuplicateRecordIdError(r.recordId);
    seen.add(r.recordId);
  }
  // Canonical order by record id, so learning, scoring and clustering see the same batch however it arrived.
  const order = records.map((_, i) => i).sort((x, y) => compareIds(records[x].recordId, records[y].recordId));
  const prepared: PreparedRecord[] = [];
  const batchIndexOf = new Int32Array(records.length).fill(-1);
  const anonymous: number[] = [];
  order.forEach((i, done) => {
    const p = prepareRecord(records[i]);
    if (p.anonymous) anonymous.push(i);
    else {
      batchIndexOf[i] = prepared.length;
      prepared.push(p);
    }
    if (done % 5000 === 0) progress('prepare', done, records.length);
  });
  const n = prepared.length;
  const pairs = candidatePairs(prepared, config.blocking.maxBlockSize);
  const comparer = new BatchComparer(prepared);
  progress('train', 0, 1);
  let trained: ReturnType<typeof trainModel> | null = null;
  let model: LinkageModel;
  if (options.model) model = options.model;
  else {
    trained = trainModel(prepared, config, comparer);
    model = { ...trained, expectedMatchesPerRecord: 0.5 };
  }
  progress('train', 1, 1);
  // A model learned from this batch counted both records of every pair in its frequencies.
  const scorerOptions = { leaveOut: trained ? 2 : options.modelCountsTheseRecords ? 1 : 0 };
  let scorer = new Scorer(model, config, scorerOptions);
  const freqs: RecordFrequencies[] = prepared.map((r) => scorer.frequencies(r));
  const evidence = new Float64Array(pairs.count);
  const guarded = new Uint8Array(pairs.count);
  const identified = new Uint8Array(pairs.count);
  const levels = new Int8Array(COMPARISONS.length);
  const K = COMPARISONS.length;
  // Every pair's levels, kept when the model is learned here so the second pass re-weighs without re-comparing.
  const pairLevels = trained ? new Int8Array(pairs.count * K) : null;
  // A pair's kept levels, copied into the one buffer (a subarray view per pair is an allocation per pair).
  const levelsOf = (kept: Int8Array, p: number): Int8Array => {
    for (let k = 0; k < K; k++) levels[k] = kept[p * K + k];
    return levels;
  };
  for (let p = 0; p < pairs.count; p++) {
    const a = pairs.left[p];
    const b = pairs.right[p];
    comparer.compare(a, b, levels);
    if (pairLevels) pairLevels.set(levels, p * K);
    evidence[p] = scorer.evidence(levels, freqs[a], freqs[b]);
    guarded[p] = scorer.guarded(levels) ? 1 : 0;
    identified[p] = identifierAgrees(prepared[a], prepared[b]) ? 1 : 0;
    if (p % 200_000 === 0) progress('score', p, pairs.count);
  }
  progress('score', pairs.count, pairs.count);
  // pairLevels is kept exactly when the model is learned here.
  if (trained && pairLevels) {
    model = {
      ...trained,
      expectedMatchesPerRecord: estimateExpectedMatches(evidence, n),
      training: { ...trained.training, candidatePairs: pairs.count },
    };
    scorer = new Scorer(model, config, scorerOptions);
    // Term frequencies stand for the chance that two different people share a value, but the first pass counted
    // records: a person with four records made their own name look four times as common. Count each value once
    // per group of records the first pass found likely to be one person, then score again.
    const groupOf = likelyPersons(n, pairs, evidence, guarded, scorer.priorWeight(n - 1), config);
    model = {
      ...model,
      termFrequencies: termFrequencies(prepared, groupOf),
      nameFrequenciesByNationality: nameFrequenciesByNationality(prepared, groupOf),
    };
    scorer = new Scorer(model, config, { leaveOut: 1 });
    for (let i = 0; i < n; i++) freqs[i] = scorer.frequencies(prepared[i]);
    for (let p = 0; p < pairs.count; p++) {
      evidence[p] = scorer.evidence(levelsOf(pairLevels, p), freqs[pairs.left[p]], freqs[pairs.right[p]]);
    }
    model = { ...model, expectedMatchesPerRecord: estimateExpectedMatches(evidence, n) };
    scorer = new Scorer(model, config, { leaveOut: 1 });
  }
  const priorWeight = scorer.priorWeight(n - 1);
  const { possibleMatch } = config.thresholds;
  const matchLinks: LinkEdge[] = [];
  const reviewCandidates: { a: number; b: number; probability: number; reason: ReviewReason }[] = [];
  const best = new Float64Array(n);
  for (let p = 0; p < pairs.count; p++) {
    const probability = probabilityFromWeight(priorWeight + evidence[p]);
    const a = pairs.left[p];
    const b = pairs.right[p];
    if (probability > best[a]) best[a] = probability;
    if (probability > best[b]) best[b] = probability;
    if (probability < possibleMatch && !identified[p]) continue;
    const pairLevelsOf = pairLevels ? levelsOf(pairLevels, p) : comparer.compare(a, b, levels);
    const pair = new GroupTally().add(scoreAcross(scorer, prepared[a], prepared[b], pairLevelsOf, evidence[p], priorWeight));
    const keptApart = guarded[p] === 1 && scorer.keptApart(pairLevelsOf, prepared[a], prepared[b]);
    const { decision, reason } = decideLink({ probability, guarded: guarded[p] === 1, keptApart, identifierAgrees: identified[p] === 1, group: pair }, config);
    if (decision === 'MATCH') matchLinks.push({ a, b, probability, identifierAgrees: identified[p] === 1 });
    else if (reason) reviewCandidates.push({ a, b, probability, reason });
  }
  progress('cluster', 0, 1);
  const score = (a: number, b: number) => {
    comparer.compare(a, b, levels);
    return scoreAcross(scorer, prepared[a], prepared[b], levels, scorer.evidence(levels, freqs[a], freqs[b]), priorWeight);
  };
  const { clusterOf, refused } = clusterRecords(n, matchLinks, score, config);
  progress('cluster', 1, 1);

  for (const link of refused) reviewCandidates.push({ ...link, reason: 'group_conflict' });
  const reviews: ReviewItem[] = [];
  const underReview = new Float64Array(n).fill(-1);
  for (const item of reviewCandidates) {
    if (clusterOf[item.a] === clusterOf[item.b]) continue;
    reviews.push({
      recordId: prepared[item.a].recordId,
      candidateRecordId: prepared[item.b].recordId,
      probability: item.probability,
      reason: item.reason,
    });
    underReview[item.a] = Math.max(underReview[item.a], item.probability);
    underReview[item.b] = Math.max(underReview[item.b], item.probability);
  }
  const clusterSize = new Int32Array(n);
  for (let i = 0; i < n; i++) clusterSize[clusterOf[i]]++;
  const strongestInside = new Float64Array(n);
  const strongestPartner = new Int32Array(n).fill(-1);
  for (const link of matchLinks) {
    if (clusterOf[link.a] !== clusterOf[link.b]) continue;
    for (const [x, y] of [
      [link.a, link.b],
      [link.b, link.a],
    ]) {
      if (link.probability > strongestInside[x]) {
        strongestInside[x] = link.probability;
        strongestPartner[x] = y;
      }
    }
  }
  // A record held in its person only by links below the confirmation threshold is linked, and put before a reviewer.
  const toConfirm = new Set<string>();
  for (let i = 0; i < n; i++) {
    const j = strongestPartner[i];
    if (j < 0 || strongestInside[i] >= config.thresholds.confirm) continue;
    const [a, b] = i < j ? [i, j] : [j, i];
    const key = `${a}:${b}`;
    if (toConfirm.has(key)) continue;
    toConfirm.add(key);
    reviews.push({ recordId: prepared[a].recordId, candidateRecordId: prepared[b].recordId, probability: strongestInside[i], reason: 'confirm_match' });
  }
  reviews.sort((x, y) => compareIds(x.recordId, y.recordId) || compareIds(x.candidateRecordId, y.candidateRecordId));

  // Persons are numbered in record-id order of their first record, so numbering is independent of input order.
  const personIdOfCluster = new Map<number, string>();
  const personIdOfInput = new Array<string>(records.length);
  let next = 0;
  const newPersonId = (): string => `P${String(++next).padStart(7, '0')}`;
  for (const i of order) {
    const bi = batchIndexOf[i];
    if (bi < 0) {
      personIdOfInput[i] = newPersonId();
      continue;
    }
    const cluster = clusterOf[bi];
    let id = personIdOfCluster.get(cluster);
    if (!id) {
      id = newPersonId();
      personIdOfCluster.set(cluster, id);
    }
    personIdOfInput[i] = id;
  }
  const links: RecordLink[] = records.map((r, i) => {
    const bi = batchIndexOf[i];
    if (bi < 0) return { recordId: r.recordId, personId: personIdOfInput[i], matchStatus: 'NO_MATCH', matchProbability: 0 };
    if (underReview[bi] >= 0) {
      return { recordId: r.recordId, personId: personIdOfInput[i], matchStatus: 'POSSIBLE_MATCH', matchProbability: underReview[bi] };
    }
    if (clusterSize[clusterOf[bi]] > 1) {
      return { recordId: r.recordId, personId: personIdOfInput[i], matchStatus: 'MATCH', matchProbability: strongestInside[bi] };
    }
    return { recordId: r.recordId, personId: personIdOfInput[i], matchStatus: 'NO_MATCH', matchProbability: best[bi] };
  });
  return {
    links,
    personCount: next,
    comparedPairs: pairs.count,
    skippedBlocks: pairs.skippedBlocks,
    reviews,
    model,
  };
}

/**
 * Explains the decision on two records under a model, as the reviewer sees it. `comparedAgainst` is how many
 * records each is compared with (the batch or index size less one); it sets the prior. `scorer.leaveOut` says
 * whether the model's frequencies counted these records (1 for a `linkRecords` result's own model, as the batch
 * scored it), so that the weights shown are the weights the batch used.
 */
export function explainPair(
  a: LinkageRecord,
  b: LinkageRecord,
  model: LinkageModel,
  comparedAgainst: number,
  config: LinkageConfig = DEFAULT_LINKAGE_CONFIG,
  scorer: ScorerOptions = {},
): MatchExplanation | null {
  const pa = prepareRecord(a);
  const pb = prepareRecord(b);
  if (pa.anonymous || pb.anonymous) return null;
  return new Scorer(model, config, scorer).explain(pa, pb, comparedAgainst);
}

/**
 * Groups of records a first pass holds to be one person: joined by every unguarded pair at least a possible
 * match. Used only to count values once per person, never as the answer.
 */
export function likelyPersons(
  n: number,
  pairs: CandidatePairs,
  evidence: Float64Array,
  guarded: Uint8Array,
  priorWeight: number,
  config: LinkageConfig,
): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let p = 0; p < pairs.count; p++) {
    if (guarded[p] || probabilityFromWeight(priorWeight + evidence[p]) < config.thresholds.possibleMatch) continue;
    const a = find(pairs.left[p]);
    const b = find(pairs.right[p]);
    if (a !== b) parent[a] = b;
  }
  const out = new Int32Array(n);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[(out[i] = find(i))]++;
  // Possible matches chain: a group far larger than one person's records is several people, whose values must
  // each count. Such a group's records count one by one (numbered past the record indices, so they are unique).
  for (let i = 0; i < n; i++) if (size[out[i]] > config.termFrequency.maxGroupSize) out[i] = n + i;
  return out;
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
