import { canonicalToken } from './names';
import { PreparedRecord } from './record';
import { nysiis } from './strings';

/**
 * Blocking keys of a record. Two records are compared when they share any key (the rules are joined by OR),
 * so a typo in one field, a missing date of birth or a swapped name does not lose the pair.
 */
export function blockingKeys(r: PreparedRecord): string[] {
  if (r.anonymous) return [];
  const keys = new Set<string>();
  const year = r.dob ? String(r.dob.year) : null;
  if (r.dob && !r.dob.estimated) keys.add(`d:${r.dob.digits}`);
  const addName = (given: string | undefined, family: string | undefined): void => {
    if (given && family) {
      keys.add(`n:${nysiis(family)}|${given[0]}`);
      // The same key read the other way round finds the record whose first and last names were swapped.
      keys.add(`n:${nysiis(given)}|${family[0]}`);
      keys.add(`v:${canonicalToken(given)}|${canonicalToken(family)}`);
    }
  };
  addName(r.given?.first, r.family?.first);
  for (const alias of r.aliases) addName(alias.given?.first ?? r.given?.first, alias.family?.first ?? r.family?.first);
  if (year) {
    // Any name token with the birth year: reordered, multi-part and patronymic names, and one-name records.
    for (const token of r.nameTokens) if (token.length > 1) keys.add(`t:${nysiis(token)}|${year}`);
  }
  if (r.dob && !r.dob.estimated && !r.dob.placeholder) {
    // A name with the day and month of birth: a mistyped year (2012 keyed 2022) loses neither.
    const dayMonth = r.dob.digits.slice(4);
    if (r.family) keys.add(`m:${nysiis(r.family.first)}|${dayMonth}`);
    if (r.given) keys.add(`m:${nysiis(r.given.first)}|${dayMonth}`);
  }
  if (r.nhsNumber) keys.add(`h:${r.nhsNumber}`);
  // A record's own id and its other_id share one key space, so a transferred record finds its original.
  keys.add(`r:${r.recordKey}`);
  if (r.otherId) {
    keys.add(`r:${r.otherId}`);
    // Its first and last characters (up to six, at most half): one typing error leaves one end whole.
    const end = Math.min(6, Math.floor(r.otherId.length / 2));
    if (end >= 3) {
      keys.add(`o<${r.otherId.slice(0, end)}`);
      keys.add(`o>${r.otherId.slice(-end)}`);
    }
  }
  if (r.postcode && r.postcode.full.length >= 4) keys.add(`p:${r.postcode.full}`);
  return [...keys];
}

export interface CandidatePairs {
  /** Pairs as flat (i, j) indices with i < j. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly count: number;
  /** Blocks skipped for exceeding the size cap. */
  readonly skippedBlocks: number;
}

export function buildBlocks(records: readonly PreparedRecord[], keys?: (r: PreparedRecord) => string[]): Map<string, number[]> {
  const blocks = new Map<string, number[]>();
  const keyOf = keys ?? blockingKeys;
  records.forEach((r, i) => {
    for (const key of keyOf(r)) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  });
  return blocks;
}

/** Every distinct pair of records that share a block, each once. */
export function candidatePairs(records: readonly PreparedRecord[], maxBlockSize: number, keys?: (r: PreparedRecord) => string[]): CandidatePairs {
  const blocks = buildBlocks(records, keys);
  const n = records.length;
  const recordBlocks: number[][][] = Array.from({ length: n }, () => []);
  let skippedBlocks = 0;
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    if (block.length > maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    for (const i of block) recordBlocks[i].push(block);
  }
  const seen = new Int32Array(n).fill(-1);
  let left = new Int32Array(1 << 16);
  let right = new Int32Array(1 << 16);
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (const block of recordBlocks[i]) {
      for (const j of block) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        if (count === left.length) {
          const grownLeft = new Int32Array(left.length * 2);
          grownLeft.set(left);
          left = grownLeft;
          const grownRight = new Int32Array(right.length * 2);
          grownRight.set(right);
          right = grownRight;
        }
        left[count] = i;
        right[count] = j;
        count++;
      }
    }
  }
  return { left: left.subarray(0, count), right: right.subarray(0, count), count, skippedBlocks };
}
