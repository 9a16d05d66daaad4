import { areTwinNames, areVariants, canonicalToken, isShortening, NameKey, usesPatronymics } from './names';
import { PreparedRecord } from './record';
import { editDistance, jaroWinklerFrom, neighboursSwapped, withinOneEdit } from './strings';

/** The fields compared for every candidate pair, each on its own ordered scale of agreement levels. */
export const COMPARISON_NAMES = [
  'given_name',
  'family_name',
  'middle_names',
  'date_of_birth',
  'sex',
  'nationality',
  'nhs_number',
  'other_id',
  'postcode',
  'address',
  'age_at_referral',
] as const;
export type ComparisonName = (typeof COMPARISON_NAMES)[number];

export interface LevelDefinition {
  readonly id: string;
  /** What a safeguarding reviewer reads in the explanation. */
  readonly description: string;
  /** Starting m probability for expectation maximisation (and the value used when the data cannot say). */
  readonly m: number;
  /** Starting u probability. */
  readonly u: number;
  /** The level's u is replaced by the frequency of the agreeing value, so common values weigh less. */
  readonly termFrequency?: boolean;
  /**
   * For a term-frequency level that only some values can reach (1 January placeholders): which values. The
   * level's m is then read as the chance of agreement given such a value, m over the values' share.
   */
  readonly termFrequencyDomain?: (value: string) => boolean;
  /**
   * u is kept at its starting value rather than counted among random pairs: a level that by construction only
   * holds between records that point at each other (a transfer's cross-reference) occurs among random pairs
   * only when the pair happens to be that very match, so counting it would measure matches, not chance.
   */
  readonly fixedU?: boolean;
}

export interface ComparisonDefinition {
  readonly name: ComparisonName;
  readonly levels: readonly LevelDefinition[];
  /** Index into `levels`, or -1 when either record lacks the field (no evidence either way). */
  compare(a: PreparedRecord, b: PreparedRecord): number;
  /** The value whose frequency adjusts the agreeing level's u (for term-frequency levels). */
  readonly termFrequencyValue?: (record: PreparedRecord) => string | null;
}

export const NULL_LEVEL = -1;

/**
 * Each named level's index in `levels`, checked when the module loads: comparisons return levels by name, so
 * adding or reordering a level cannot silently shift what a comparison means.
 */
function levelIds<T extends string>(levels: readonly LevelDefinition[], ...ids: T[]): Record<T, number> {
  const out = {} as Record<T, number>;
  for (const id of ids) {
    const index = levels.findIndex((l) => l.id === id);
    if (index < 0) throw new Error(`no level "${id}"`);
    out[id] = index;
  }
  return out;
}

const NAME_LEVELS = (part: string): LevelDefinition[] => [
  { id: 'exact', description: `${part} agree exactly`, m: 0.85, u: 0.005, termFrequency: true },
  { id: 'variant', description: `${part} are known variants (transliteration, diminutive or shortening)`, m: 0.04, u: 0.001 },
  { id: 'swapped', description: `${part} recorded in the other name field (first and last swapped)`, m: 0.01, u: 0.0002 },
  { id: 'fuzzy', description: `${part} nearly agree (Jaro–Winkler ≥ 0.92)`, m: 0.05, u: 0.003 },
  { id: 'alias', description: `${part} agree through a recorded alias`, m: 0.005, u: 0.0002 },
  { id: 'token', description: `${part} share a name token (multi-part, reordered or patronymic name)`, m: 0.02, u: 0.003 },
  { id: 'phonetic', description: `${part} sound alike (phonetic or romanisation key, or Jaro–Winkler ≥ 0.84)`, m: 0.01, u: 0.02 },
  { id: 'initial', description: `one record has only the initial of the other's ${part.replace(/s$/, '')}`, m: 0.01, u: 0.05 },
];

const GIVEN_LEVELS: LevelDefinition[] = [...NAME_LEVELS('given names'), { id: 'different', description: 'given names differ', m: 0.015, u: 0.966 }];

const FAMILY_LEVELS: LevelDefinition[] = [
  ...NAME_LEVELS('family names'),
  {
    id: 'different_patronymic',
    description: "family names differ where names are patronymic: one record may hold the father's, the other the grandfather's name",
    m: 0.1,
    u: 0.9,
  },
  { id: 'different', description: 'family names differ', m: 0.015, u: 0.966 },
];

type NameLevel = 'exact' | 'variant' | 'swapped' | 'fuzzy' | 'alias' | 'token' | 'phonetic' | 'initial' | 'different' | null;

export const FUZZY_NAME = 0.92;
export const PHONETIC_NAME = 0.84;

// Vietnamese "Văn" and "Thị" mark sex and are shared by half of all men or women, and particles (Arabic "Al-",
// "bin", "Abu"; "de", "von") join many unrelated names: sharing one says nothing.
const UNINFORMATIVE_TOKENS = new Set(['van', 'thi', 'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'da', 'di', 'del', 'von', 'der']);

/**
 * Whether a token of this name part is among the other record's tokens of the same part or its middle names.
 * Not across parts: a given name that is someone else's father's name (patronymics) or family name is how
 * relatives' names look, not a reordering of one person's name (a full swap has its own level).
 */
function sharesToken(x: NameKey, other: PreparedRecord, part: 'given' | 'family'): boolean {
  const same = other[part]?.tokens ?? [];
  for (const t of x.tokens) {
    if (t.length > 1 && !UNINFORMATIVE_TOKENS.has(t) && (same.includes(t) || other.middleTokens.includes(t))) return true;
  }
  return false;
}

/**
 * Whether two name tokens are one name: equal, known variants, or one keying slip apart in five letters or more
 * (shorter names one letter apart are often two names: Hung and Dung, Minh and Linh).
 */
function sameToken(t: string, s: string): boolean {
  if (t === s || canonicalToken(t) === canonicalToken(s) || areVariants(t, s)) return true;
  return Math.min(t.length, s.length) >= 5 && withinOneEdit(t, s);
}

/** A record's name tokens that identify (given, middle and family, less particles and sex markers). */
function informativeTokens(r: PreparedRecord): string[] {
  return r.nameTokens.filter((t) => t.length > 1 && !UNINFORMATIVE_TOKENS.has(t));
}

/**
 * The same full name arranged differently across the fields: every informative token of the shorter name is one
 * of the other's tokens (at least two of them), and the longer holds at most one more (a middle name or a
 * patronymic one record left out), including the longer record's own given name. "Huy Hữu Trần" in one field
 * and "Trần | Huy", or "Nga | Thị | Nguyễn" and "Thị Nga | Nguyen", are one name written in either order; a
 * shared family name alone is not.
 */
function sameNameReordered(a: PreparedRecord, b: PreparedRecord, extra: number): boolean {
  const x = informativeTokens(a);
  const y = informativeTokens(b);
  const [short, long, longer] = x.length <= y.length ? [x, y, b] : [y, x, a];
  if (short.length < 2 || long.length - short.length > extra) return false;
  // The longer name's own given name must be among the shorter's: a son's record (Dawit Tesfay Habtom) holds his
  // father's names (Tesfay Habtom) but not under his own given name.
  const ownGiven = longer.given?.tokens.find((t) => t.length > 1 && !UNINFORMATIVE_TOKENS.has(t));
  if (ownGiven !== undefined && !short.some((t) => sameToken(t, ownGiven))) return false;
  const used = new Array<boolean>(long.length).fill(false);
  for (const t of short) {
    const i = long.findIndex((s, j) => !used[j] && sameToken(t, s));
    if (i < 0) return false;
    used[i] = true;
  }
  return true;
}

function aliasAgrees(record: PreparedRecord, other: PreparedRecord, part: 'given' | 'family'): boolean {
  const target = other[part];
  if (target) {
    for (const alias of record.aliases) {
      const value = alias[part];
      if (value && (value.joined === target.joined || value.canonical === target.canonical)) return true;
    }
  }
  for (const alias of other.aliases) {
    const value = alias[part];
    if (!value) continue;
    const own = record[part];
    if (own && (value.joined === own.joined || value.canonical === own.canonical)) return true;
    for (const mine of record.aliases) {
      const v = mine[part];
      if (v && v.joined === value.joined) return true;
    }
  }
  return false;
}

/**
 * One letter dropped, doubled, changed or two neighbours swapped in a name of five letters or more (Kastrati /
 * Kstrati, Hamza / Hjmza), which Jaro–Winkler scores low when the slip is near the start; in a four-letter name
 * only two neighbours swapped (Jack / Ajck, Ziad / Izad), which seldom makes another name. Other four-letter
 * differences are left to the other levels: Dana and Dina are two names.
 */
function oneKeyingError(x: string, y: string): boolean {
  if (x.length === 4 && y.length === 4) return neighboursSwapped(x, y);
  return Math.min(x.length, y.length) >= 5 - (x.length === y.length ? 0 : 1) && Math.abs(x.length - y.length) <= 1 && withinOneEdit(x, y);
}

/** The same name give or take one keying error: for a swap, which must hold across both parts at once. */
function sameName(x: NameKey, y: NameKey): boolean {
  return (
    x.joined === y.joined ||
    x.canonical === y.canonical ||
    jaroWinklerFrom(x.joined, y.joined, FUZZY_NAME) >= FUZZY_NAME ||
    (Math.max(x.joined.length, y.joined.length) >= 3 && withinOneEdit(x.joined, y.joined))
  );
}

/**
 * One name part against the same part of the other record. The levels run from strongest to weakest; the first
 * that holds is the pair's level (null when either record lacks the part).
 */
function compareNamePart(a: PreparedRecord, b: PreparedRecord, part: 'given' | 'family'): NameLevel {
  const x = a[part];
  const y = b[part];
  const otherPart = part === 'given' ? 'family' : 'given';
  const xo = a[otherPart];
  const yo = b[otherPart];
  if (!x || !y) {
    if ((x || a.aliases.length) && (y || b.aliases.length) && aliasAgrees(a, b, part)) return 'alias';
    // A record holding one name, in the other field from the other record: "Poulson" keyed as a first name.
    if (x && !y && !xo && yo && sameName(x, yo)) return 'swapped';
    if (y && !x && !yo && xo && sameName(y, xo)) return 'swapped';
    if ((x || y) && sameNameReordered(a, b, 1)) return 'swapped';
    return null;
  }
  if (x.joined === y.joined) return 'exact';
  if (
    x.canonical === y.canonical ||
    (x.tokens.length === 1 && y.tokens.length === 1 && (areVariants(x.first, y.first) || (part === 'given' && isShortening(x.first, y.first))))
  ) {
    return 'variant';
  }
  // Hassan and Hussein sound alike and are two names, given to twins as a pair (`areTwinNames`).
  if (part === 'given' && areTwinNames(x.first, y.first)) return 'different';
  // Only compared with FUZZY_NAME and PHONETIC_NAME below, so the similarity is needed only from the lower.
  const jw = jaroWinklerFrom(x.joined, y.joined, PHONETIC_NAME);
  if (jw < FUZZY_NAME && yo && xo) {
    // A swap shows in both parts: this part matches the other record's other part, and vice versa.
    if (sameName(x, yo) && sameName(y, xo)) return 'swapped';
  } else if (jw < FUZZY_NAME && (!xo || !yo) && (xo || yo)) {
    // One record holds a single name, and it is the other record's name in the other field.
    if ((!xo && yo && sameName(x, yo)) || (!yo && xo && sameName(y, xo))) return 'swapped';
  }
  if (jw >= FUZZY_NAME || oneKeyingError(x.joined, y.joined)) return 'fuzzy';
  if (aliasAgrees(a, b, part)) return 'alias';
  // Both records fill the field: only the same tokens rearranged, since one name more is a patronymic the other
  // record left out or a relative's name, which the token level weighs.
  if (sameNameReordered(a, b, 0)) return 'swapped';
  if (sharesToken(x, b, part) || sharesToken(y, a, part)) return 'token';
  if (x.phonetic === y.phonetic || x.skeleton === y.skeleton || jw >= PHONETIC_NAME) return 'phonetic';
  if ((x.joined.length === 1 || y.joined.length === 1) && x.joined[0] === y.joined[0]) return 'initial';
  return 'different';
}

/** The position of each level by its id; asking for an id the list lacks is a bug in this file. */
function levelPositions(levels: readonly LevelDefinition[]): (id: string) => number {
  const index = new Map(levels.map((l, i) => [l.id, i]));
  return (id) => {
    const position = index.get(id);
    if (position === undefined) throw new Error(`no comparison level is named ${id}`);
    return position;
  };
}

function levelIndex(levels: readonly LevelDefinition[]): (id: NameLevel | 'different_patronymic') => number {
  const position = levelPositions(levels);
  return (id) => (id === null ? NULL_LEVEL : position(id));
}

const givenLevel = levelIndex(GIVEN_LEVELS);
const familyLevel = levelIndex(FAMILY_LEVELS);

/**
 * Whether the family-name field holds a patronymic for this pair: a father's or grandfather's given name
 * (Eritrean, Ethiopian, Sudanese, Somali), so records of one person can carry different ones.
 */
function patronymicPair(a: PreparedRecord, b: PreparedRecord): boolean {
  const pa = a.nationality !== null && usesPatronymics(a.nationality);
  const pb = b.nationality !== null && usesPatronymics(b.nationality);
  return (pa && (pb || b.nationality === null)) || (pb && a.nationality === null);
}

const givenName: ComparisonDefinition = {
  name: 'given_name',
  levels: GIVEN_LEVELS,
  compare: (a, b) => givenLevel(compareNamePart(a, b, 'given')),
  termFrequencyValue: (r) => r.given?.joined ?? null,
};

const familyName: ComparisonDefinition = {
  name: 'family_name',
  levels: FAMILY_LEVELS,
  compare: (a, b) => {
    const level = compareNamePart(a, b, 'family');
    return familyLevel(level === 'different' && patronymicPair(a, b) ? 'different_patronymic' : level);
  },
  termFrequencyValue: (r) => r.family?.joined ?? null,
};

const MIDDLE_LEVELS: LevelDefinition[] = [
  { id: 'exact', description: 'middle names agree', m: 0.7, u: 0.002, termFrequency: true },
  { id: 'fuzzy', description: 'middle names nearly agree (one keying error, or Jaro–Winkler ≥ 0.92)', m: 0.03, u: 0.0005 },
  { id: 'shared', description: 'the records share a middle name', m: 0.15, u: 0.005 },
  { id: 'initial', description: "one record has only the initials of the other's middle names", m: 0.05, u: 0.05 },
  { id: 'different', description: 'middle names differ', m: 0.07, u: 0.9425 },
];
const middleLevel: (id: 'exact' | 'fuzzy' | 'shared' | 'initial' | 'different') => number = levelPositions(MIDDLE_LEVELS);

const middleNames: ComparisonDefinition = {
  name: 'middle_names',
  levels: MIDDLE_LEVELS,
  compare: (a, b) => {
    const x = a.middleTokens;
    const y = b.middleTokens;
    if (x.length === 0 || y.length === 0) return NULL_LEVEL;
    const xj = x.join('');
    const yj = y.join('');
    if (xj === yj) return middleLevel('exact');
    // A keying slip in a middle name of five letters or more (Yohanes for Yohannes) is the same middle name, as for
    // given and family names; in four letters one changed letter is as often another name (Aret, Awet).
    if (oneKeyingError(xj, yj) || (Math.min(xj.length, yj.length) >= 4 && jaroWinklerFrom(xj, yj, FUZZY_NAME) >= FUZZY_NAME)) return middleLevel('fuzzy');
    if (x.some((t) => t.length > 1 && y.includes(t))) return middleLevel('shared');
    const initials = (t: readonly string[]): boolean => t.every((w) => w.length === 1);
    if ((initials(x) || initials(y)) && x[0][0] === y[0][0]) return middleLevel('initial');
    return middleLevel('different');
  },
  termFrequencyValue: (r) => (r.middleTokens.length ? r.middleTokens.join('') : null),
};

function namesAgreeExactly(a: PreparedRecord, b: PreparedRecord): boolean {
  return !!a.given && !!b.given && !!a.family && !!b.family && a.given.joined === b.given.joined && a.family.joined === b.family.joined;
}

const DATE_OF_BIRTH_LEVELS: LevelDefinition[] = [
  { id: 'exact', description: 'dates of birth agree exactly', m: 0.8, u: 0.0001, termFrequency: true, termFrequencyDomain: (v) => !v.endsWith('0101') },
  {
    id: 'same_placeholder',
    description: 'both dates of birth are the 1 January placeholder of the same year',
    m: 0.05,
    u: 0.0005,
    termFrequency: true,
    termFrequencyDomain: (v) => v.endsWith('0101'),
  },
  { id: 'day_month_swapped', description: 'day and month of birth transposed', m: 0.01, u: 0.00001 },
  { id: 'one_edit', description: 'dates of birth differ by one typing error', m: 0.05, u: 0.0005 },
  { id: 'within_month', description: 'dates of birth within a month of each other', m: 0.01, u: 0.001 },
  {
    id: 'estimate_same_day',
    description: 'an estimated date of birth on the same day as the other (not 1 January)',
    m: 0.02,
    u: 0.00005,
  },
  { id: 'same_year', description: 'an estimated or 1 January date of birth in the same year as the other', m: 0.03, u: 0.015 },
  { id: 'near_year', description: 'an estimated or 1 January date of birth a year from the other', m: 0.015, u: 0.03 },
  { id: 'two_years', description: 'an estimated or 1 January date of birth two years from the other', m: 0.005, u: 0.03 },
  { id: 'few_years', description: 'an estimated or 1 January date of birth three to five years from the other', m: 0.003, u: 0.08 },
  { id: 'different', description: 'dates of birth differ by up to five years', m: 0.03, u: 0.35 },
  { id: 'far_apart', description: 'dates of birth more than five years apart', m: 0.005, u: 0.57 },
];

type DateOfBirthLevel =
  | 'exact'
  | 'same_placeholder'
  | 'day_month_swapped'
  | 'one_edit'
  | 'within_month'
  | 'estimate_same_day'
  | 'same_year'
  | 'near_year'
  | 'two_years'
  | 'few_years'
  | 'different'
  | 'far_apart';

const dobLevel: (id: DateOfBirthLevel) => number = levelPositions(DATE_OF_BIRTH_LEVELS);

/** The date-of-birth level of a pair (null when either record has no date of birth). */
function compareDatesOfBirth(a: PreparedRecord, b: PreparedRecord): DateOfBirthLevel | null {
  const x = a.dob;
  const y = b.dob;
  if (!x || !y) return null;
  const precise = !x.estimated && !y.estimated && !x.placeholder && !y.placeholder;
  if (precise) {
    // Two real dates that are neither equal nor one slip apart are evidence of two people, even a year apart.
    if (x.digits === y.digits) return 'exact';
    if (x.year === y.year && x.month === y.day && x.day === y.month) return 'day_month_swapped';
    if (withinOneEdit(x.digits, y.digits)) return 'one_edit';
    if (x.dayNumber !== null && y.dayNumber !== null && Math.abs(x.dayNumber - y.dayNumber) <= 31) return 'within_month';
    return Math.abs(x.year - y.year) > 5 ? 'far_apart' : 'different';
  }
  // An estimated or 1 January date only says roughly when the person was born. But a 1 January date that
  // neither record marks as an estimate, on two records whose names agree exactly, is believed: the same
  // person recorded twice from one document, as likely as a coincidence of placeholders.
  if (x.placeholder && y.placeholder && !x.estimated && !y.estimated && x.digits === y.digits) {
    return namesAgreeExactly(a, b) ? 'exact' : 'same_placeholder';
  }
  // An estimate that falls on the very day the other record gives (not a 1 January) is rarely chance: usually the
  // date was copied from one record to the other with the estimate flag set on one of them. Its own level, so the
  // model learns how far to believe it rather than taking it as exact or as the year alone.
  if (x.digits === y.digits && !x.placeholder && !y.placeholder) return 'estimate_same_day';
  const years = Math.abs(x.year - y.year);
  if (years === 0) return 'same_year';
  if (years === 1) return 'near_year';
  if (years === 2) return 'two_years';
  if (years <= 5) return 'few_years';
  return 'far_apart';
}

const dateOfBirth: ComparisonDefinition = {
  name: 'date_of_birth',
  levels: DATE_OF_BIRTH_LEVELS,
  compare: (a, b) => {
    const level = compareDatesOfBirth(a, b);
    return level === null ? NULL_LEVEL : dobLevel(level);
  },
  termFrequencyValue: (r) => r.dob?.digits ?? null,
};

const SEX_LEVELS: LevelDefinition[] = [
  { id: 'agree', description: 'sex agrees', m: 0.97, u: 0.5 },
  { id: 'different', description: 'sex differs', m: 0.03, u: 0.5 },
];
const SEX = levelIds(SEX_LEVELS, 'agree', 'different');

const sex: ComparisonDefinition = {
  name: 'sex',
  levels: SEX_LEVELS,
  compare: (a, b) => (!a.sex || !b.sex ? NULL_LEVEL : a.sex === b.sex ? SEX.agree : SEX.different),
};

const NATIONALITY_LEVELS: LevelDefinition[] = [
  { id: 'agree', description: 'nationality agrees', m: 0.95, u: 0.2 },
  { id: 'different', description: 'nationality differs', m: 0.05, u: 0.8 },
];
const NATIONALITY = levelIds(NATIONALITY_LEVELS, 'agree', 'different');

const nationality: ComparisonDefinition = {
  name: 'nationality',
  levels: NATIONALITY_LEVELS,
  compare: (a, b) => (!a.nationality || !b.nationality ? NULL_LEVEL : a.nationality === b.nationality ? NATIONALITY.agree : NATIONALITY.different),
};

const NHS_LEVELS: LevelDefinition[] = [
  { id: 'exact', description: 'NHS numbers agree', m: 0.98, u: 0.00001 },
  { id: 'different', description: 'NHS numbers differ', m: 0.02, u: 0.99999 },
];
const NHS = levelIds(NHS_LEVELS, 'exact', 'different');

const nhsNumber: ComparisonDefinition = {
  name: 'nhs_number',
  levels: NHS_LEVELS,
  compare: (a, b) => (!a.nhsNumber || !b.nhsNumber ? NULL_LEVEL : a.nhsNumber === b.nhsNumber ? NHS.exact : NHS.different),
};

const OTHER_ID_LEVELS: LevelDefinition[] = [
  { id: 'exact', description: 'other identifiers agree', m: 0.7, u: 0.00001 },
  {
    id: 'cross_reference',
    description: "one record's other identifier is the other record's id (a transfer between case systems)",
    m: 0.1,
    u: 0.000001,
    fixedU: true,
  },
  { id: 'one_edit', description: 'other identifiers differ by one typing error', m: 0.1, u: 0.0001 },
  { id: 'two_edits', description: 'other identifiers differ by two typing errors', m: 0.05, u: 0.001 },
  { id: 'different', description: 'other identifiers differ', m: 0.05, u: 0.998 },
];
const OTHER_ID = levelIds(OTHER_ID_LEVELS, 'exact', 'cross_reference', 'one_edit', 'two_edits', 'different');

const otherId: ComparisonDefinition = {
  name: 'other_id',
  levels: OTHER_ID_LEVELS,
  compare: (a, b) => {
    if ((a.otherId !== null && a.otherId === b.recordKey) || (b.otherId !== null && b.otherId === a.recordKey)) return OTHER_ID.cross_reference;
    if (!a.otherId || !b.otherId) return NULL_LEVEL;
    if (a.otherId === b.otherId) return OTHER_ID.exact;
    const d = editDistance(a.otherId, b.otherId, 2);
    return d === 1 ? OTHER_ID.one_edit : d === 2 ? OTHER_ID.two_edits : OTHER_ID.different;
  },
};

const POSTCODE_LEVELS: LevelDefinition[] = [
  { id: 'exact', description: 'postcodes agree', m: 0.7, u: 0.0005, termFrequency: true },
  { id: 'sector', description: 'postcode sectors agree', m: 0.08, u: 0.002 },
  { id: 'district', description: 'postcode districts agree', m: 0.07, u: 0.01 },
  { id: 'different', description: 'postcodes differ', m: 0.15, u: 0.9875 },
];
const POSTCODE = levelIds(POSTCODE_LEVELS, 'exact', 'sector', 'district', 'different');

const postcode: ComparisonDefinition = {
  name: 'postcode',
  levels: POSTCODE_LEVELS,
  compare: (a, b) => {
    const x = a.postcode;
    const y = b.postcode;
    if (!x || !y) return NULL_LEVEL;
    if (x.full === y.full) return POSTCODE.exact;
    if (x.sector !== null && x.sector === y.sector) return POSTCODE.sector;
    if (x.district === y.district) return POSTCODE.district;
    return POSTCODE.different;
  },
  termFrequencyValue: (r) => r.postcode?.full ?? null,
};

function softTokenOverlap(x: readonly string[], y: readonly string[]): number {
  let matched = 0;
  for (const t of x) {
    for (const s of y) {
      if (t === s || (t.length >= 4 && s.length >= 4 && jaroWinklerFrom(t, s, 0.9) >= 0.9)) {
        matched++;
        break;
      }
    }
  }
  return matched / Math.max(x.length, y.length);
}

const ADDRESS_LEVELS: LevelDefinition[] = [
  { id: 'exact', description: 'addresses agree', m: 0.6, u: 0.0005, termFrequency: true },
  { id: 'most_words', description: 'most words of the address agree', m: 0.2, u: 0.002 },
  { id: 'some_words', description: 'some words of the address agree', m: 0.1, u: 0.02 },
  { id: 'different', description: 'addresses differ', m: 0.1, u: 0.9775 },
];
const ADDRESS = levelIds(ADDRESS_LEVELS, 'exact', 'most_words', 'some_words', 'different');

const address: ComparisonDefinition = {
  name: 'address',
  levels: ADDRESS_LEVELS,
  compare: (a, b) => {
    if (!a.addressTokens || !b.addressTokens) return NULL_LEVEL;
    if (a.addressText === b.addressText) return ADDRESS.exact;
    const overlap = softTokenOverlap(a.addressTokens, b.addressTokens);
    if (overlap >= 0.65) return ADDRESS.most_words;
    if (overlap >= 0.3) return ADDRESS.some_words;
    return ADDRESS.different;
  },
  termFrequencyValue: (r) => r.addressText,
};

/** Slack around a date of birth known only to the year (1 January placeholders and estimates). */
const YEAR_SLACK_DAYS = 366;

/** The birth-day range a record's date of birth allows, or null without a usable date. */
function birthRange(r: PreparedRecord): [number, number] | null {
  const dob = r.dob;
  if (!dob) return null;
  if (dob.estimated || dob.placeholder) {
    const start = Math.round(Date.UTC(dob.year, 0, 1) / 86_400_000);
    return [start - YEAR_SLACK_DAYS, start + 2 * YEAR_SLACK_DAYS];
  }
  return dob.dayNumber === null ? null : [dob.dayNumber, dob.dayNumber];
}

function fitsSystem(range: [number, number], r: PreparedRecord): boolean | null {
  if (r.bornAfter === null && r.bornBefore === null) return null;
  if (r.bornAfter !== null && range[1] <= r.bornAfter) return false;
  if (r.bornBefore !== null && range[0] > r.bornBefore) return false;
  return true;
}

/**
 * When a record has no date of birth, its case system still says something: an LCS record was a child when
 * referred, an AIS record an adult. A date of birth on the other record (or, with none on either, the two
 * systems' own bounds) either fits that or does not. Pairs where both dates of birth are present are left to
 * the date-of-birth comparison.
 */
const AGE_LEVELS: LevelDefinition[] = [
  { id: 'consistent', description: 'the age each case system implies at referral fits the other record', m: 0.95, u: 0.6 },
  {
    id: 'inconsistent',
    description: "one record's date of birth (or system) contradicts the age the other's case system implies at referral",
    m: 0.05,
    u: 0.4,
  },
];
const AGE = levelIds(AGE_LEVELS, 'consistent', 'inconsistent');

const ageAtReferral: ComparisonDefinition = {
  name: 'age_at_referral',
  levels: AGE_LEVELS,
  compare: (a, b) => {
    const ra = birthRange(a);
    const rb = birthRange(b);
    if (ra && rb) return NULL_LEVEL;
    let checked = false;
    for (const [range, other] of [
      [ra, b],
      [rb, a],
    ] as const) {
      if (!range) continue;
      const fits = fitsSystem(range, other);
      if (fits === false) return AGE.inconsistent;
      if (fits) checked = true;
    }
    if (!ra && !rb) {
      const after = Math.max(a.bornAfter ?? -Infinity, b.bornAfter ?? -Infinity);
      const before = Math.min(a.bornBefore ?? Infinity, b.bornBefore ?? Infinity);
      if (after === -Infinity && before === Infinity) return NULL_LEVEL;
      if ((a.bornAfter === null && a.bornBefore === null) || (b.bornAfter === null && b.bornBefore === null)) return NULL_LEVEL;
      return after >= before ? AGE.inconsistent : AGE.consistent;
    }
    return checked ? AGE.consistent : NULL_LEVEL;
  },
};

export const COMPARISONS: readonly ComparisonDefinition[] = [
  givenName,
  familyName,
  middleNames,
  dateOfBirth,
  sex,
  nationality,
  nhsNumber,
  otherId,
  postcode,
  address,
  ageAtReferral,
];

/** Levels of every comparison for one pair, in `COMPARISONS` order. */
export function comparePair(a: PreparedRecord, b: PreparedRecord, out: Int8Array = new Int8Array(COMPARISONS.length)): Int8Array {
  for (let k = 0; k < COMPARISONS.length; k++) out[k] = COMPARISONS[k].compare(a, b);
  return out;
}

const GIVEN_K = COMPARISONS.indexOf(givenName);
const FAMILY_K = COMPARISONS.indexOf(familyName);
const FAMILY_DIFFERENT = familyLevel('different');
const FAMILY_DIFFERENT_PATRONYMIC = familyLevel('different_patronymic');
/** Most remembered name comparisons before the memory is cleared (a bound on memory, not on correctness). */
const NAME_MEMO_LIMIT = 2_000_000;

const ADDRESS_K = COMPARISONS.indexOf(address);

/** Each record's id among the distinct values of `key`, and how many there are. */
function intern(records: readonly PreparedRecord[], key: (r: PreparedRecord) => string): [Int32Array, number] {
  const ids = new Map<string, number>();
  const of = Int32Array.from(records, (r) => {
    const k = key(r);
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id;
  });
  return [of, ids.size];
}

/** Everything the name comparisons read of a record: records with equal signatures compare alike on names. */
function nameSignature(r: PreparedRecord): string {
  const aliases = r.aliases.map((x) => `${x.given?.tokens.join(' ') ?? ''}/${x.family?.tokens.join(' ') ?? ''}`).join(';');
  return `${r.given?.tokens.join(' ') ?? ''}|${r.middleTokens.join(' ')}|${r.family?.tokens.join(' ') ?? ''}|${aliases}`;
}

/**
 * `comparePair` over one batch of records by index, with the name comparisons (the costly ones) remembered per
 * pair of distinct names: a batch holds many records of one name, and their pairs repeat the same work. The
 * levels are exactly `comparePair`'s.
 */
export class BatchComparer {
  private readonly nameId: Int32Array;
  private readonly names: number;
  private readonly memo = new Map<number, number>();

  private readonly addressId: Int32Array;
  private readonly addresses: number;
  private readonly addressMemo = new Map<number, number>();

  constructor(private readonly records: readonly PreparedRecord[]) {
    [this.nameId, this.names] = intern(records, nameSignature);
    [this.addressId, this.addresses] = intern(records, (r) => r.addressText ?? '');
  }

  compare(i: number, j: number, out: Int8Array = new Int8Array(COMPARISONS.length)): Int8Array {
    const a = this.records[i];
    const b = this.records[j];
    const key = this.nameId[i] * this.names + this.nameId[j];
    let packed = this.memo.get(key);
    if (packed === undefined) {
      packed = (givenLevel(compareNamePart(a, b, 'given')) + 1) * 64 + familyLevel(compareNamePart(a, b, 'family')) + 1;
      if (this.memo.size >= NAME_MEMO_LIMIT) this.memo.clear();
      this.memo.set(key, packed);
    }
    for (let k = 0; k < COMPARISONS.length; k++) {
      if (k === GIVEN_K) out[k] = (packed >> 6) - 1;
      else if (k === FAMILY_K) {
        const level = (packed & 63) - 1;
        out[k] = level === FAMILY_DIFFERENT && patronymicPair(a, b) ? FAMILY_DIFFERENT_PATRONYMIC : level;
      } else if (k === ADDRESS_K) {
        const at = this.addressId[i] * this.addresses + this.addressId[j];
        let level = this.addressMemo.get(at);
        if (level === undefined) {
          level = address.compare(a, b);
          if (this.addressMemo.size >= NAME_MEMO_LIMIT) this.addressMemo.clear();
          this.addressMemo.set(at, level);
        }
        out[k] = level;
      } else out[k] = COMPARISONS[k].compare(a, b);
    }
    return out;
  }
}
