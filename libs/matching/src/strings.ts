/**
 * String similarity and phonetic keys used by the comparisons. Hand-written rather than pulled from a package
 * because they sit on the hot path of every compared pair and the packages that offer them are ESM-only.
 */

let matchedScratchA = new Uint8Array(64);
let matchedScratchB = new Uint8Array(64);

/** Jaro–Winkler similarity in [0, 1], prefix scale 0.1 over at most 4 characters (Winkler 1990). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  // Scratch flags shared by every call (no allocation on the hot path), cleared for the lengths in use.
  if (matchedScratchA.length < la) matchedScratchA = new Uint8Array(la * 2);
  if (matchedScratchB.length < lb) matchedScratchB = new Uint8Array(lb * 2);
  const matchedA = matchedScratchA;
  const matchedB = matchedScratchB;
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (!matchedB[j] && b.charCodeAt(j) === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Character counts of one string, shared by every call and left all zero between calls.
const charCounts = new Int32Array(128);

/**
 * `jaroWinkler(a, b)` when that is at least `floor`; otherwise a number below `floor` (not necessarily the
 * similarity). Most pairs a comparison sees are two different names, and the similarity cannot reach `floor`
 * when too few characters are common to both: Jaro's matches are pairs of equal characters, so there are no more
 * of them than the characters the two strings share (counted with repeats), and the similarity is bounded by the
 * score those shared characters would give, matched in order. That count costs a pass over each string, the
 * matching window a pass per character. Callers compare the result only against thresholds at or above `floor`.
 */
export function jaroWinklerFrom(a: string, b: string, floor: number): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  // Characters are counted modulo 128: merging counts can only overstate what the strings share.
  for (let i = 0; i < la; i++) charCounts[a.charCodeAt(i) & 127]++;
  let shared = 0;
  for (let j = 0; j < lb; j++) {
    const c = b.charCodeAt(j) & 127;
    if (charCounts[c] > 0) {
      charCounts[c]--;
      shared++;
    }
  }
  for (let i = 0; i < la; i++) charCounts[a.charCodeAt(i) & 127] = 0;
  if (shared === 0) return 0;
  // At most `shared` matches and no transpositions, with the pair's own common prefix.
  const jaro = (shared / la + shared / lb + 1) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const bound = jaro + prefix * 0.1 * (1 - jaro);
  // The margin covers rounding: the bound is never taken for less than it is.
  return bound < floor - 1e-9 ? 0 : jaroWinkler(a, b);
}

// Three rows of the edit-distance table, shared by every call (no allocation on the hot path).
let rowScratch = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment (restricted Damerau–Levenshtein) distance: typing errors in identifiers and dates
 * are mostly single substitutions, insertions, deletions or adjacent transpositions. Returns `limit + 1` as soon
 * as the distance is known to exceed `limit`, which keeps identifier comparison cheap.
 */
export function editDistance(a: string, b: string, limit = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > limit) return limit + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (rowScratch[0].length < lb + 1) rowScratch = [new Int32Array(2 * lb + 2), new Int32Array(2 * lb + 2), new Int32Array(2 * lb + 2)];
  let [prevPrev, prev, curr] = rowScratch;
  prevPrev.fill(0, 0, lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    curr[0] = i;
    let rowMin = curr[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j] + 1, curr[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prevPrev[j - 2] + 1);
      }
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const spare = prevPrev;
    prevPrev = prev;
    prev = curr;
    curr = spare;
  }
  return prev[lb];
}

/**
 * Whether `editDistance(a, b, 1) <= 1`, in one pass without the table: equal, or one substitution, adjacent
 * transposition, insertion or deletion apart. The name comparisons ask this of almost every pair they see (most
 * pairs are two different names), so it must cost little more than reading the strings.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    // a !== b, so they differ somewhere: i is the first position where they do.
    let i = 0;
    while (a.charCodeAt(i) === b.charCodeAt(i)) i++;
    // One substitution at i: the rest agrees.
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return swappedAt(a, b, i);
  }
  if (Math.abs(la - lb) !== 1) return false;
  const [short, long] = la < lb ? [a, b] : [b, a];
  // One character inserted into the shorter string at its first difference from the longer.
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  return sameFrom(short, i, long, i + 1);
}

/** Two different strings of one length that differ only by two neighbouring characters in the other order. */
export function neighboursSwapped(a: string, b: string): boolean {
  if (a === b || a.length !== b.length) return false;
  let i = 0;
  while (a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return swappedAt(a, b, i);
}

/** Whether a and b, equal before position i, have their characters at i and i + 1 swapped and agree after them. */
function swappedAt(a: string, b: string, i: number): boolean {
  return i + 1 < a.length && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameFrom(a, i + 2, b, i + 2);
}

/** Whether a from position i on equals b from position j on. */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/**
 * NYSIIS phonetic key (New York State Identification and Intelligence System, Taft 1970), without the
 * six-character truncation so that long compound names keep their discriminating tail.
 */
export function nysiis(input: string): string {
  let name = input.toLowerCase().replace(/[^a-z]/g, '');
  if (!name) return '';
  const prefixes: ReadonlyArray<[string, string]> = [
    ['mac', 'mcc'],
    ['kn', 'nn'],
    ['k', 'c'],
    ['ph', 'ff'],
    ['pf', 'ff'],
    ['sch', 'sss'],
  ];
  for (const [from, to] of prefixes) {
    if (name.startsWith(from)) {
      name = to + name.slice(from.length);
      break;
    }
  }
  const suffixes: ReadonlyArray<[string, string]> = [
    ['ee', 'y'],
    ['ie', 'y'],
    ['dt', 'd'],
    ['rt', 'd'],
    ['rd', 'd'],
    ['nt', 'd'],
    ['nd', 'd'],
  ];
  for (const [from, to] of suffixes) {
    if (name.endsWith(from) && name.length > from.length) {
      name = name.slice(0, -from.length) + to;
      break;
    }
  }
  const chars = name.split('');
  let key = chars[0];
  for (let i = 1; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1] ?? '';
    let out: string;
    if (c === 'e' && next === 'v') {
      chars[i + 1] = 'f';
      out = 'a';
    } else if (VOWELS.has(c)) out = 'a';
    else if (c === 'q') out = 'g';
    else if (c === 'z') out = 's';
    else if (c === 'm') out = 'n';
    else if (c === 'k') {
      if (next === 'n') out = 'n';
      else out = 'c';
    } else if (c === 's' && next === 'c' && chars[i + 2] === 'h') {
      chars[i + 1] = 's';
      chars[i + 2] = 's';
      out = 's';
    } else if (c === 'p' && next === 'h') {
      chars[i + 1] = 'f';
      out = 'f';
    } else if (c === 'h') {
      const prev = chars[i - 1];
      out = !VOWELS.has(prev) || (next !== '' && !VOWELS.has(next)) ? prev : 'h';
    } else if (c === 'w') {
      const prev = chars[i - 1];
      out = VOWELS.has(prev) ? prev : 'w';
    } else out = c;
    chars[i] = out;
    if (key[key.length - 1] !== out) key += out;
  }
  if (key.length > 1 && key.endsWith('s')) key = key.slice(0, -1);
  if (key.length > 2 && key.endsWith('ay')) key = key.slice(0, -2) + 'y';
  if (key.length > 1 && key.endsWith('a')) key = key.slice(0, -1);
  return key;
}

/**
 * A consonant skeleton for romanised names: vowel runs collapse to one "a", and digraphs that different
 * romanisation schemes spell differently collapse to one letter. Mohamed, Muhammad and Mohammed all give
 * "mahamad"; Tesfay and Tesfaye give "tasfa".
 */
export function romanisationSkeleton(token: string): string {
  let s = token
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'k')
    .replace(/gh/g, 'g')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?=[aou]|$)/g, 'k')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/([b-df-hj-np-tv-z])h/g, '$1')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/[aeiou]+/g, 'a');
  if (s.length > 2 && s.endsWith('a')) s = s.slice(0, -1);
  return s;
}
