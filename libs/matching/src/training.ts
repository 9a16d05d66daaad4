import { candidatePairs } from './blocking';
import { BatchComparer, COMPARISONS, ComparisonName, NULL_LEVEL, comparePair } from './comparisons';
import { LinkageConfig } from './config';
import { LevelParameters, LinkageModel, NationalityNameFrequencies, TermFrequencyTable } from './model';
import { nysiis } from './strings';
import { seededRandom } from './random';
import { PreparedRecord } from './record';

const K = COMPARISONS.length;
const GIVEN = COMPARISONS.findIndex((c) => c.name === 'given_name');
const FAMILY = COMPARISONS.findIndex((c) => c.name === 'family_name');
const GIVEN_DIFFERENT = COMPARISONS[GIVEN].levels.findIndex((l) => l.id === 'different');
const FAMILY_SAME = new Set(['exact', 'variant', 'fuzzy'].map((id) => COMPARISONS[FAMILY].levels.findIndex((l) => l.id === id)));

/** A family name in common and different given names: how twins and siblings look (see `patternsOf`). */
function siblingLike(levels: Int8Array): boolean {
  return levels[GIVEN] === GIVEN_DIFFERENT && FAMILY_SAME.has(levels[FAMILY]);
}

/**
 * Counts each value once per group: with `groupOf`, records believed to be one person (a first pass's links)
 * count as one, since u is the chance that two *different people* share a value. Without it every record counts.
 */
function countOncePerGroup(
  records: readonly PreparedRecord[],
  groupOf: ArrayLike<number> | undefined,
  valueOf: (r: PreparedRecord) => string | null,
): Map<string, number> {
  const counts = new Map<string, number>();
  const counted = new Set<string>();
  records.forEach((r, i) => {
    const v = valueOf(r);
    if (v === null) return;
    if (groupOf) {
      const key = `${groupOf[i]}\u0000${v}`;
      if (counted.has(key)) return;
      counted.add(key);
    }
    counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  return counts;
}

function plainCounts(counts: Map<string, number>): { total: number; counts: Record<string, number> } {
  const out: Record<string, number> = {};
  let total = 0;
  for (const [v, c] of counts) {
    out[v] = c;
    total += c;
  }
  return { total, counts: out };
}

/** How often each value of the term-frequency fields occurs among the records (or groups) that have one. */
export function termFrequencies(records: readonly PreparedRecord[], groupOf?: ArrayLike<number>): Partial<Record<ComparisonName, TermFrequencyTable>> {
  const out: Partial<Record<ComparisonName, TermFrequencyTable>> = {};
  for (const c of COMPARISONS) {
    const valueOf = c.termFrequencyValue;
    if (!valueOf) continue;
    out[c.name] = plainCounts(countOncePerGroup(records, groupOf, valueOf));
  }
  return out;
}

/** Given- and family-name counts within each nationality, for the joint frequency of a full name. */
export function nameFrequenciesByNationality(records: readonly PreparedRecord[], groupOf?: ArrayLike<number>): Record<string, NationalityNameFrequencies> {
  const keys = new Set<string>();
  for (const r of records) if (r.given && r.family) keys.add(r.nationality ?? '');
  const out: Record<string, NationalityNameFrequencies> = {};
  // With one nationality (or none recorded) the joint frequency is the product: nothing to keep.
  if (keys.size < 2) return out;
  for (const key of [...keys].sort()) {
    const of = (r: PreparedRecord): boolean => !!r.given && !!r.family && (r.nationality ?? '') === key;
    const given = plainCounts(countOncePerGroup(records, groupOf, (r) => (r.given && of(r) ? r.given.joined : null)));
    const family = plainCounts(countOncePerGroup(records, groupOf, (r) => (r.family && of(r) ? r.family.joined : null)));
    const middle = plainCounts(
      countOncePerGroup(records, groupOf, (r) => ((r.nationality ?? '') === key && r.middleTokens.length ? r.middleTokens.join('') : null)),
    );
    out[key] = { total: Math.max(given.total, family.total), given: given.counts, family: family.counts, middle: middle.counts, middleTotal: middle.total };
  }
  return out;
}

function startingLevels(k: number, field: 'm' | 'u'): Float64Array {
  const v = Float64Array.from(COMPARISONS[k].levels.map((l) => l[field]));
  const sum = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / sum);
}

/**
 * u from random pairs: almost every random pair is two different people, so agreement among them is the
 * chance agreement the model must discount.
 */
export function estimateU(records: readonly PreparedRecord[], config: LinkageConfig): { u: Float64Array[]; pairs: number } {
  const n = records.length;
  const counts = COMPARISONS.map((c) => new Float64Array(c.levels.length));
  const levels = new Int8Array(K);
  const add = (i: number, j: number): void => {
    comparePair(records[i], records[j], levels);
    for (let k = 0; k < K; k++) if (levels[k] !== NULL_LEVEL) counts[k][levels[k]]++;
  };
  let pairs = 0;
  const all = (n * (n - 1)) / 2;
  if (all <= config.training.randomPairs) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) add(i, j);
    pairs = all;
  } else {
    const random = seededRandom(config.training.seed);
    while (pairs < config.training.randomPairs) {
      const i = Math.floor(random() * n);
      const j = Math.floor(random() * n);
      if (i === j) continue;
      add(i, j);
      pairs++;
    }
  }
  const u = counts.map((row, k) => {
    const start = startingLevels(k, 'u');
    const total = row.reduce((a, b) => a + b, 0);
    const a = config.training.uPseudoCount;
    return row.map((c, l) => (COMPARISONS[k].levels[l].fixedU ? COMPARISONS[k].levels[l].u : (c + a * start[l]) / (total + a)));
  });
  return { u, pairs };
}

interface Pattern {
  readonly levels: Int8Array;
  count: number;
}

function patternsOf(
  comparer: BatchComparer,
  left: Int32Array,
  right: Int32Array,
  maxPairs: number,
  skip?: (levels: Int8Array) => boolean,
): { patterns: Pattern[]; pairs: number } {
  const total = left.length;
  const step = total > maxPairs ? total / maxPairs : 1;
  const byKey = new Map<number, Pattern>();
  const levels = new Int8Array(K);
  let pairs = 0;
  for (let x = 0; x < total; x += step) {
    const p = Math.floor(x);
    comparer.compare(left[p], right[p], levels);
    // Twins and siblings agree on what a session blocks on (a date of birth, a family name) as often as one
    // person's records do; left in, they teach the model that given names and sexes often differ within a person.
    if (skip?.(levels)) continue;
    let key = 0;
    for (let k = 0; k < K; k++) key = key * 16 + (levels[k] + 1);
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { levels: Int8Array.from(levels), count: 1 });
    pairs++;
  }
  return { patterns: [...byKey.values()], pairs };
}

/**
 * Expectation maximisation for m and the share of matches among one session's pairs, u held at its random-pair
 * estimate. Comparisons the session blocked on agree by construction, so they are left out of the likelihood.
 */
function expectationMaximisation(
  patterns: readonly Pattern[],
  u: readonly Float64Array[],
  excluded: ReadonlySet<number>,
  config: LinkageConfig,
): { m: Float64Array[]; matchShare: number } {
  const m = COMPARISONS.map((_, k) => startingLevels(k, 'm'));
  const mStart = COMPARISONS.map((_, k) => startingLevels(k, 'm'));
  let lambda = 0.1;
  const logU = u.map((row) => row.map(Math.log));
  for (let iter = 0; iter < config.training.emIterations; iter++) {
    const logM = m.map((row) => row.map(Math.log));
    const sums = COMPARISONS.map((c) => new Float64Array(c.levels.length));
    let matched = 0;
    let all = 0;
    for (const { levels, count } of patterns) {
      let lm = Math.log(lambda);
      let lu = Math.log(1 - lambda);
      for (let k = 0; k < K; k++) {
        const l = levels[k];
        if (l === NULL_LEVEL || excluded.has(k)) continue;
        lm += logM[k][l];
        lu += logU[k][l];
      }
      const p = 1 / (1 + Math.exp(lu - lm));
      const w = p * count;
      matched += w;
      all += count;
      for (let k = 0; k < K; k++) {
        const l = levels[k];
        if (l !== NULL_LEVEL) sums[k][l] += w;
      }
    }
    lambda = Math.min(Math.max(matched / all, 1e-6), 0.999);
    for (let k = 0; k < K; k++) {
      if (excluded.has(k)) continue;
      const total = sums[k].reduce((a, b) => a + b, 0);
      const a = config.training.mPseudoCount;
      for (let l = 0; l < m[k].length; l++) m[k][l] = (sums[k][l] + a * mStart[k][l]) / (total + a);
    }
  }
  return { m, matchShare: lambda };
}

interface Session {
  readonly name: string;
  readonly key: (r: PreparedRecord) => string[];
  readonly excludes: readonly ComparisonName[];
}

// Training sessions: each blocks on one thing and learns m for every comparison it did not block on.
const SESSIONS: readonly Session[] = [
  {
    name: 'same date of birth',
    key: (r) => (r.dob && !r.dob.estimated ? [r.dob.digits] : []),
    excludes: ['date_of_birth'],
  },
  {
    name: 'similar family name and same initial',
    key: (r) => (r.family && r.given ? [`${nysiis(r.family.first)}|${r.given.first[0]}`] : []),
    // Names say much about nationality and sex, so within a name block those agree by construction too.
    excludes: ['given_name', 'family_name', 'nationality', 'sex'],
  },
];

const MIN_SESSION_PAIRS = 30;

/** Learns a model from unlabelled records. `candidates` are the blocked pairs the batch will score. */
export function trainModel(
  records: readonly PreparedRecord[],
  config: LinkageConfig,
  comparer: BatchComparer = new BatchComparer(records),
): Omit<LinkageModel, 'expectedMatchesPerRecord'> {
  const { u, pairs: randomPairs } = estimateU(records, config);
  const mSums = COMPARISONS.map((c) => new Float64Array(c.levels.length));
  const mWeights = new Float64Array(K);
  const sessions: { name: string; pairs: number; matchShare: number }[] = [];
  for (const session of SESSIONS) {
    const blocked = candidatePairs(records, config.blocking.maxBlockSize, session.key);
    const { patterns, pairs } = patternsOf(comparer, blocked.left, blocked.right, config.training.maxSessionPairs, siblingLike);
    if (pairs < MIN_SESSION_PAIRS) {
      sessions.push({ name: session.name, pairs, matchShare: 0 });
      continue;
    }
    const excluded = new Set(session.excludes.map((name) => COMPARISONS.findIndex((c) => c.name === name)));
    const { m, matchShare } = expectationMaximisation(patterns, u, excluded, config);
    sessions.push({ name: session.name, pairs, matchShare });
    const weight = Math.max(matchShare * pairs, 1);
    for (let k = 0; k < K; k++) {
      if (excluded.has(k)) continue;
      for (let l = 0; l < m[k].length; l++) mSums[k][l] += m[k][l] * weight;
      mWeights[k] += weight;
    }
  }
  const comparisons = {} as Record<ComparisonName, LevelParameters[]>;
  COMPARISONS.forEach((c, k) => {
    const start = startingLevels(k, 'm');
    comparisons[c.name] = c.levels.map((level, l) => ({
      id: level.id,
      m: Math.max(mWeights[k] > 0 ? mSums[k][l] / mWeights[k] : start[l], 1e-6),
      u: Math.max(u[k][l], 1e-9),
    }));
  });
  return {
    format: 'referral-hub/linkage-model',
    version: 1,
    comparisons,
    termFrequencies: termFrequencies(records),
    nameFrequenciesByNationality: nameFrequenciesByNationality(records),
    training: { records: records.length, candidatePairs: 0, randomPairs, sessions },
  };
}

/**
 * Expected other records of the same person per record: the share of matches among all pairs that makes the
 * blocked pairs' match probabilities add up to the number of matches they imply (a fixed point).
 */
export function estimateExpectedMatches(evidence: Float64Array, recordCount: number): number {
  if (recordCount < 2) return 0.5;
  const allPairs = (recordCount * (recordCount - 1)) / 2;
  let prior = Math.min(0.5, 1 / recordCount);
  // 2^-(logit + e) = 2^-logit · 2^-e: each pair's factor is computed once, not once per iteration.
  const against = new Float64Array(evidence.length);
  for (let i = 0; i < evidence.length; i++) against[i] = Math.pow(2, -evidence[i]);
  for (let iter = 0; iter < 200; iter++) {
    const odds = (1 - prior) / prior;
    let expected = 0;
    for (let i = 0; i < against.length; i++) expected += 1 / (1 + odds * against[i]);
    const next = Math.min(Math.max(expected / allPairs, 1e-12), 0.5);
    if (Math.abs(next - prior) < prior * 1e-6) {
      prior = next;
      break;
    }
    prior = next;
  }
  return prior * (recordCount - 1);
}
