import { COMPARISONS, ComparisonName, NULL_LEVEL, comparePair } from './comparisons';
import { LinkageConfig } from './config';
import { LinkageModel } from './model';
import { canonicalToken } from './names';
import { PreparedRecord } from './record';
import { withinOneEdit } from './strings';

import type { MatchStatus } from '@app/domain';

/** A pair's verdict: the domain's match status. */
export type MatchDecision = MatchStatus;

/** One field's part in a decision, as a reviewer reads it. */
export interface FieldExplanation {
  readonly comparison: ComparisonName;
  /** Level id, or "missing" when either record lacks the field. */
  readonly level: string;
  readonly description: string;
  /** log2 Bayes factor the level contributes (0 when missing). */
  readonly weight: number;
  readonly m: number | null;
  readonly u: number | null;
  /** The u was the frequency of the agreeing value (common names weigh less). */
  readonly termFrequencyAdjusted: boolean;
}

/** Why two records were (or were not) judged the same person: serialisable JSON. */
export interface MatchExplanation {
  readonly recordId: string;
  readonly candidateRecordId: string;
  /** Prior probability that two records compared are the same person. */
  readonly prior: number;
  readonly priorWeight: number;
  readonly fields: readonly FieldExplanation[];
  /** Prior weight plus every field's weight. */
  readonly matchWeight: number;
  readonly probability: number;
  readonly decision: MatchDecision;
  /** Rules that held the decision below what the weight alone gave. */
  readonly rules: readonly string[];
}

const TF_COMPARISONS = COMPARISONS.flatMap((c, k) => (c.termFrequencyValue ? [{ k, valueOf: c.termFrequencyValue }] : []));
const GIVEN = COMPARISONS.findIndex((c) => c.name === 'given_name');
const FAMILY = COMPARISONS.findIndex((c) => c.name === 'family_name');
const NHS = COMPARISONS.findIndex((c) => c.name === 'nhs_number');
const OTHER_ID = COMPARISONS.findIndex((c) => c.name === 'other_id');
const SEX = COMPARISONS.findIndex((c) => c.name === 'sex');
const NATIONALITY = COMPARISONS.findIndex((c) => c.name === 'nationality');
const GIVEN_DIFFERENT = COMPARISONS[GIVEN].levels.findIndex((l) => l.id === 'different');
const GIVEN_INITIAL = COMPARISONS[GIVEN].levels.findIndex((l) => l.id === 'initial');
const GIVEN_EXACT = COMPARISONS[GIVEN].levels.findIndex((l) => l.id === 'exact');
// Given-name levels that do not say the names are one name: they only share a token or a sound.
const GIVEN_LOOSE = new Set(['token', 'phonetic'].map((id) => COMPARISONS[GIVEN].levels.findIndex((l) => l.id === id)));
const DOB = COMPARISONS.findIndex((c) => c.name === 'date_of_birth');
/** Dates of birth that differ beyond a slip or an estimate's reach: up to five years, and more. */
const DOB_DIFFERENT = new Set(['different', 'far_apart'].map((id) => COMPARISONS[DOB].levels.findIndex((l) => l.id === id)));
const SEX_DIFFERENT = COMPARISONS[SEX].levels.findIndex((l) => l.id === 'different');
// Name levels that say the names are the same name (not merely sharing a token or a sound).
const NAME_AGREES = new Set(['exact', 'variant', 'swapped', 'fuzzy', 'alias'].map((id) => COMPARISONS[GIVEN].levels.findIndex((l) => l.id === id)));
const SEX_AGREE = COMPARISONS[SEX].levels.findIndex((l) => l.id === 'agree');
const NATIONALITY_AGREE = COMPARISONS[NATIONALITY].levels.findIndex((l) => l.id === 'agree');
const MIDDLE = COMPARISONS.findIndex((c) => c.name === 'middle_names');
/** Fewest middle names of one nationality whose counts are taken as that nationality's frequencies. */
const MIN_NATIONALITY_MIDDLE_NAMES = 20;
/** Slot of a record's frequencies holding its full name's co-occurrence bits. */
const COOCCURRENCE = COMPARISONS.length;

/**
 * Sex and nationality are largely implied by the names: two people called Ardit Hoxha are both male and
 * very likely both Albanian, so counting those agreements on top of the names counts the names twice. Their
 * agreement adds nothing once the names agree (given name for sex, either name for nationality); disagreement
 * still counts against.
 */
function impliedByNames(levels: Int8Array, k: number): boolean {
  if (k === SEX) return levels[k] === SEX_AGREE && NAME_AGREES.has(levels[GIVEN]);
  if (k === NATIONALITY) return levels[k] === NATIONALITY_AGREE && (NAME_AGREES.has(levels[GIVEN]) || NAME_AGREES.has(levels[FAMILY]));
  return false;
}
const GIVEN_NAMES_DIFFER = 'sibling_guard: given names differ and no identifier agrees';
const KEPT_APART = "kept_apart: neither given name is among the other record's names or one slip from it, so two people, not sent for review";

/**
 * Given names that cannot be one person's name recorded differently: each record has one, no given-name token of
 * either is among the other's names (given, middle, family or an alias, compared in their canonical spellings, so
 * "Mariam Osman" against "Mohammed Mariam" is related), and the two are more than one keying slip apart.
 */
export function givenNamesUnrelated(a: PreparedRecord, b: PreparedRecord): boolean {
  if (!a.given || !b.given) return false;
  if (withinOneEdit(a.given.joined, b.given.joined)) return false;
  const namesOf = (r: PreparedRecord): Set<string> =>
    new Set([...r.nameTokens, ...r.aliases.flatMap((x) => [...(x.given?.tokens ?? []), ...(x.family?.tokens ?? [])])].map(canonicalToken));
  const crosses = (x: PreparedRecord, names: Set<string>): boolean => (x.given?.tokens ?? []).some((t) => names.has(canonicalToken(t)));
  return !crosses(a, namesOf(b)) && !crosses(b, namesOf(a));
}

/** Each comparison's "exact" level (-1 where it has none): the level a term frequency weighs. */
const EXACT = COMPARISONS.map((c) => c.levels.findIndex((l) => l.id === 'exact'));
const CORROBORATING = ['date_of_birth', 'nhs_number', 'other_id', 'postcode', 'address'].map((name) => COMPARISONS.findIndex((c) => c.name === name));

export function log2(x: number): number {
  return Math.log2(x);
}

export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}

export function weightFromProbability(p: number): number {
  return log2(p / (1 - p));
}

/** Per-record term frequencies, looked up once so the hot path does no string hashing. */
export type RecordFrequencies = Float64Array;

export interface ScorerOptions {
  /**
   * How many of the two records being compared were counted in the model's term-frequency tables: 2 when the
   * model was learned from the very batch being linked, 1 for an index of records the model was learned from.
   * Their own occurrences are taken out of a value's count, since u is the chance that someone else has it:
   * a name borne only by the two records of one person is rare, not common.
   */
  readonly leaveOut?: number;
}

/**
 * Scores pairs under one model: per-level weights are precomputed, term-frequency levels use each record's own
 * value frequency.
 */
export class Scorer {
  private readonly weights: Float64Array[];
  private readonly tfM: Float64Array[];
  private readonly tfLevel: Int8Array[];
  private readonly tfTables: (Map<string, number> | null)[];
  private readonly tfTotals: Float64Array;
  private readonly nationalityGroups: readonly {
    key: string;
    share: number;
    total: number;
    given: Map<string, number>;
    family: Map<string, number>;
    middle: Map<string, number> | null;
    middleTotal: number;
  }[];
  readonly tfSlots: number;

  /** How many of a pair's own records the model's frequency tables counted (see `ScorerOptions`). */
  private readonly leaveOut: number;

  constructor(
    readonly model: LinkageModel,
    readonly config: LinkageConfig,
    options: ScorerOptions = {},
  ) {
    this.leaveOut = options.leaveOut ?? 0;
    this.weights = COMPARISONS.map((c) => Float64Array.from(model.comparisons[c.name].map((l) => log2(l.m / l.u))));
    this.tfLevel = COMPARISONS.map((c) => Int8Array.from(c.levels.map((l) => (l.termFrequency ? 1 : 0))));
    // m of a term-frequency level, given that the record's value is one that can reach the level.
    this.tfM = COMPARISONS.map((c) => {
      const table = model.termFrequencies[c.name];
      return Float64Array.from(
        model.comparisons[c.name].map((params, l) => {
          const domain = c.levels[l].termFrequencyDomain;
          if (!domain || !table || table.total === 0) return params.m;
          let inDomain = 0;
          for (const [value, count] of Object.entries(table.counts)) if (domain(value)) inDomain += count;
          return params.m / Math.min(1, Math.max(inDomain / table.total, 0.01));
        }),
      );
    });
    this.tfTables = COMPARISONS.map((c) => {
      const table = model.termFrequencies[c.name];
      return table ? new Map(Object.entries(table.counts)) : null;
    });
    this.tfTotals = Float64Array.from(COMPARISONS.map((c) => model.termFrequencies[c.name]?.total ?? 0));
    this.tfSlots = COMPARISONS.length;
    const groups = Object.entries(model.nameFrequenciesByNationality ?? {}).map(([key, g]) => ({ key, ...g }));
    const named = groups.reduce((sum, g) => sum + g.total, 0);
    this.nationalityGroups = groups
      .filter((g) => g.total > 0)
      .map((g) => ({
        key: g.key,
        share: g.total / named,
        total: g.total,
        given: new Map(Object.entries(g.given)),
        family: new Map(Object.entries(g.family)),
        middle: g.middle ? new Map(Object.entries(g.middle)) : null,
        middleTotal: g.middleTotal ?? 0,
      }));
  }

  /**
   * Bits by which the product of the given- and family-name frequencies overstates how rare the full name is:
   * log2 of the joint frequency (summed over nationalities, names independent within one) over that product.
   * Ardit and Hoxha are each uncommon, but an Ardit is far likelier than chance to be a Hoxha.
   */
  private nameCooccurrence(record: PreparedRecord, freqs: RecordFrequencies): number {
    if (!record.given || !record.family || this.nationalityGroups.length === 0) return 0;
    const product = freqs[GIVEN] * freqs[FAMILY];
    if (!(product > 0)) return 0;
    let joint = 0;
    const own = record.nationality ?? '';
    for (const g of this.nationalityGroups) {
      const out = g.key === own ? this.leaveOut : 0;
      const given = (g.given.get(record.given.joined) ?? 0) - out;
      if (given <= 0) continue;
      const family = (g.family.get(record.family.joined) ?? 0) - out;
      if (family > 0) joint += (g.share * given * family) / (g.total * g.total);
    }
    return joint > product ? log2(joint / product) : 0;
  }

  /** Frequencies of this record's values of every term-frequency field (NaN where not applicable). */
  frequencies(record: PreparedRecord): RecordFrequencies {
    const out = new Float64Array(COMPARISONS.length + 1).fill(Number.NaN);
    for (const { k, valueOf } of TF_COMPARISONS) {
      const table = this.tfTables[k];
      const value = valueOf(record);
      if (!table || value === null) continue;
      const total = this.tfTotals[k];
      const count = (table.get(value) ?? 0) - this.leaveOut;
      out[k] = Math.max(Math.max(count, 1) / total, this.config.termFrequency.minimumFrequency);
    }
    out[COOCCURRENCE] = this.nameCooccurrence(record, out);
    const middle = this.middleFrequencyWithinNationality(record);
    if (middle !== null) out[MIDDLE] = middle;
    return out;
  }

  /**
   * How common the record's middle names are among people of its nationality. Middle names go with a naming
   * tradition (Vietnamese Văn for a third or more of men, Thị for most women), which the nationality or the
   * agreeing family name already tells: counted over everyone, Văn looks rarer than it is among the people it
   * is compared with, and agreement on it would count the nationality twice. Null where the model has no
   * such counts or too few records of the nationality to say.
   */
  private middleFrequencyWithinNationality(record: PreparedRecord): number | null {
    if (record.middleTokens.length === 0 || record.nationality === null) return null;
    const group = this.nationalityGroups.find((g) => g.key === record.nationality);
    if (!group?.middle || group.middleTotal < MIN_NATIONALITY_MIDDLE_NAMES) return null;
    const count = (group.middle.get(record.middleTokens.join('')) ?? 0) - this.leaveOut;
    return Math.max(Math.max(count, 1) / group.middleTotal, this.config.termFrequency.minimumFrequency);
  }

  /** Bits taken off the names' weights when both agree, for names that go together (see `nameCooccurrence`). */
  private cooccurrence(levels: Int8Array, fa: RecordFrequencies, fb: RecordFrequencies): number {
    if (!NAME_AGREES.has(levels[GIVEN]) || !NAME_AGREES.has(levels[FAMILY])) return 0;
    return ((fa[COOCCURRENCE] || 0) + (fb[COOCCURRENCE] || 0)) / 2;
  }

  /** Weight of one comparison's level for this pair, with term-frequency adjustment where it applies. */
  levelWeight(k: number, level: number, fa: RecordFrequencies, fb: RecordFrequencies): number {
    const base = this.capNameLevel(k, level, this.weights[k][level]);
    const tfa = fa[k];
    if (Number.isNaN(tfa)) return base;
    const tf = Math.max(tfa, fb[k]);
    if (Number.isNaN(tf)) return base;
    const exactWeight = log2(this.tfM[k][EXACT[k]] / tf);
    if (this.tfLevel[k][level]) return level === EXACT[k] ? exactWeight : log2(this.tfM[k][level] / tf);
    // A near-agreement on a common name must not outweigh an exact agreement on it.
    if ((k === GIVEN || k === FAMILY) && base > exactWeight) return exactWeight;
    return base;
  }

  private capNameLevel(k: number, level: number, weight: number): number {
    // No lesser name level may outweigh plain exact agreement: a swap is as good as agreement, never better.
    if ((k === GIVEN || k === FAMILY) && level !== EXACT[k]) return Math.min(weight, this.weights[k][EXACT[k]]);
    return weight;
  }

  /** Sum of field weights (the evidence, before the prior). */
  evidence(levels: Int8Array, fa: RecordFrequencies, fb: RecordFrequencies): number {
    let total = 0;
    for (let k = 0; k < levels.length; k++) {
      const level = levels[k];
      if (level !== NULL_LEVEL && !impliedByNames(levels, k)) total += this.levelWeight(k, level, fa, fb);
    }
    return total - this.cooccurrence(levels, fa, fb);
  }

  /** Prior weight for a record compared against `others` records. */
  priorWeight(others: number): number {
    const prior = this.prior(others);
    return log2(prior / (1 - prior));
  }

  prior(others: number): number {
    const p = this.model.expectedMatchesPerRecord / Math.max(1, others);
    return Math.min(Math.max(p, 1e-12), 0.5);
  }

  /**
   * Whether this pair, found across two groups of records, says outright that the groups are different people:
   * the evidence as a whole is strongly against (below `contradictionWeight`), or dates of birth of which one is
   * only an estimate disagree by more than the data's own keying errors explain (their level weighs below
   * `dateOfBirthContradictionWeight`). Dates that both records state as fact are weighed against the rest of the
   * group instead (`datesDisagree`, `decideLink`).
   */
  contradicts(levels: Int8Array, evidence: number, datesBelieved = false): boolean {
    if (evidence < this.config.clustering.contradictionWeight) return true;
    return !datesBelieved && this.datesDisagree(levels);
  }

  /** The pair's dates of birth differ by more than one person's records show (learned; see `contradicts`). */
  datesDisagree(levels: Int8Array): boolean {
    return levels[DOB] !== NULL_LEVEL && this.weights[DOB][levels[DOB]] < this.config.clustering.dateOfBirthContradictionWeight;
  }

  /**
   * Whether complete dates of birth that disagree may rule a pair out (`recordsConflict`): only where the model
   * learned that one person's records rarely disagree on the date (keying slips), not where dates were found to
   * differ for a large share of matches (a source whose dates are unreliable).
   */
  get datesDecisive(): boolean {
    const levels = this.model.comparisons.date_of_birth;
    let m = 0;
    for (const k of DOB_DIFFERENT) m += levels[k]?.m ?? 0;
    return m <= this.config.clustering.maxDateDisagreement;
  }

  /** Whether a rule holds this pair below MATCH whatever its weight (twins and siblings). */
  guarded(levels: Int8Array): boolean {
    return this.guardRule(levels) !== null;
  }

  /**
   * Whether the sibling guard holds this pair back as plainly two people, to be left apart without asking a
   * reviewer: the given names differ (`guardRule`'s first rule) and are unrelated (`givenNamesUnrelated`), in a
   * source where one person's given names rarely differ (`givenNamesDecisive`). Twins and siblings share a family
   * name, a date of birth or an address, so their pairs weigh high; a reviewer asked about every one of them would
   * find them two people nearly every time. Where a given name of one record is among the other's names (written
   * in another order) or one slip from the other's, the pair still goes to review.
   */
  keptApart(levels: Int8Array, a: PreparedRecord, b: PreparedRecord): boolean {
    return this.givenNamesDecisive && this.guardRule(levels) === GIVEN_NAMES_DIFFER && givenNamesUnrelated(a, b);
  }

  /**
   * Whether given names that differ outright may keep a pair apart without review (`keptApart`): only where the
   * model learned that one person's records rarely carry another given name, as `datesDecisive` does for dates.
   */
  get givenNamesDecisive(): boolean {
    const different = this.model.comparisons.given_name.at(GIVEN_DIFFERENT);
    return different !== undefined && different.m <= this.config.clustering.maxGivenNameDisagreement;
  }

  /** The rule holding this pair below MATCH, as the explanation states it, or null. */
  guardRule(levels: Int8Array): string | null {
    if (this.config.requireCorroboration && !this.corroborated(levels)) {
      return 'corroboration: names alone, with nothing else speaking for the match';
    }
    if (!this.config.siblingGuard || levels[NHS] === 0 || levels[OTHER_ID] === 0 || levels[OTHER_ID] === 1) return null;
    if (levels[GIVEN] === GIVEN_DIFFERENT) return GIVEN_NAMES_DIFFER;
    if (levels[GIVEN] === GIVEN_INITIAL) return 'sibling_guard: one given name is only an initial, which a sibling may share';
    if (GIVEN_LOOSE.has(levels[GIVEN]) && DOB_DIFFERENT.has(levels[DOB])) {
      return 'sibling_guard: given names only sound alike and the dates of birth differ';
    }
    if (levels[SEX] === SEX_DIFFERENT && levels[GIVEN] !== GIVEN_EXACT) {
      return 'sibling_guard: the sexes differ and the given names are not exactly the same';
    }
    return null;
  }

  /** Whether an identifier or the address (not the names, not the date of birth) speaks for the match. */
  corroboratedBeyondDate(levels: Int8Array): boolean {
    for (const k of CORROBORATING) {
      if (k === DOB) continue;
      const level = levels[k];
      if (level !== NULL_LEVEL && this.weights[k][level] > 0) return true;
    }
    return false;
  }

  /** Whether something beyond the name (date of birth, an identifier, the address) speaks for the match. */
  private corroborated(levels: Int8Array): boolean {
    for (const k of CORROBORATING) {
      const level = levels[k];
      if (level !== NULL_LEVEL && this.weights[k][level] > 0) return true;
    }
    return false;
  }

  decide(probability: number, guarded: boolean): MatchDecision {
    const { match, possibleMatch } = this.config.thresholds;
    if (probability >= match && !guarded) return 'MATCH';
    if (probability >= possibleMatch || (guarded && probability >= match)) return 'POSSIBLE_MATCH';
    return 'NO_MATCH';
  }

  /** Full explanation of one pair, for storage and for the reviewer. */
  explain(a: PreparedRecord, b: PreparedRecord, others: number, fa?: RecordFrequencies, fb?: RecordFrequencies): MatchExplanation {
    const freqA = fa ?? this.frequencies(a);
    const freqB = fb ?? this.frequencies(b);
    const levels = comparePair(a, b);
    const priorWeight = this.priorWeight(others);
    const together = this.cooccurrence(levels, freqA, freqB);
    let total = priorWeight;
    const fields: FieldExplanation[] = COMPARISONS.map((c, k) => {
      const level = levels[k];
      if (level === NULL_LEVEL) {
        return {
          comparison: c.name,
          level: 'missing',
          description: `${c.name.replace(/_/g, ' ')} missing on one record: no evidence`,
          weight: 0,
          m: null,
          u: null,
          termFrequencyAdjusted: false,
        };
      }
      const implied = impliedByNames(levels, k);
      // The full name's co-occurrence discount is shared between its two parts.
      const shared = together > 0 && (k === GIVEN || k === FAMILY);
      const weight = implied ? 0 : this.levelWeight(k, level, freqA, freqB) - (shared ? together / 2 : 0);
      total += weight;
      const params = this.model.comparisons[c.name][level];
      let description = c.levels[level].description;
      if (implied) description += ', as the agreeing names imply: no extra weight';
      if (shared) description += ', weighed by how often this full name occurs (names of one nationality go together)';
      return {
        comparison: c.name,
        level: c.levels[level].id,
        description,
        weight: round(weight),
        m: round(params.m, 6),
        u: round(params.u, 8),
        termFrequencyAdjusted: !implied && weight !== this.weights[k][level],
      };
    });
    const probability = probabilityFromWeight(total);
    const rule = this.guardRule(levels);
    const guarded = rule !== null;
    const apart = guarded && this.keptApart(levels, a, b);
    return {
      recordId: a.recordId,
      candidateRecordId: b.recordId,
      prior: this.prior(others),
      priorWeight: round(priorWeight),
      fields,
      matchWeight: round(total),
      probability,
      decision: apart ? 'NO_MATCH' : this.decide(probability, guarded),
      rules: apart ? [rule, KEPT_APART] : rule ? [rule] : [],
    };
  }
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
