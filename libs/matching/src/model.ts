import { COMPARISONS, ComparisonName } from './comparisons';

export interface LevelParameters {
  readonly id: string;
  /** P(level | the records are the same person). */
  readonly m: number;
  /** P(level | the records are different people). */
  readonly u: number;
}

/** Counts of each value of a field over the records a model was trained on. */
export interface TermFrequencyTable {
  readonly total: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** Name counts among the records of one nationality that have both a given and a family name. */
export interface NationalityNameFrequencies {
  readonly total: number;
  readonly given: Readonly<Record<string, number>>;
  readonly family: Readonly<Record<string, number>>;
  /**
   * Middle-name counts (all middle names joined) among the records of this nationality that have one, and how
   * many those are. Absent in models trained before they were kept: scoring then uses the overall frequency.
   */
  readonly middle?: Readonly<Record<string, number>>;
  readonly middleTotal?: number;
}

/**
 * The estimated parameters of the Fellegi–Sunter model: everything a worker needs to score exactly as the CLI
 * did. Plain JSON, so it can be stored, shipped and read back.
 */
export interface LinkageModel {
  readonly format: 'referral-hub/linkage-model';
  readonly version: 1;
  /**
   * Expected number of other records of the same person per record. The prior that two given records match is
   * this divided by the number of records a record is compared against, so the prior stays right as an index grows.
   */
  readonly expectedMatchesPerRecord: number;
  readonly comparisons: Readonly<Record<ComparisonName, readonly LevelParameters[]>>;
  readonly termFrequencies: Readonly<Partial<Record<ComparisonName, TermFrequencyTable>>>;
  /**
   * Given- and family-name counts within each nationality (key: ISO alpha-3, "" for none recorded). Names of one
   * nationality go together, so agreement on both is less rare than the product of their frequencies says; these
   * counts give the joint frequency. Absent in models trained before they were kept: scoring then uses the product.
   */
  readonly nameFrequenciesByNationality?: Readonly<Record<string, NationalityNameFrequencies>>;
  readonly training: {
    readonly records: number;
    readonly candidatePairs: number;
    readonly randomPairs: number;
    readonly sessions: readonly { readonly name: string; readonly pairs: number; readonly matchShare: number }[];
  };
}

export function exportModel(model: LinkageModel): string {
  return JSON.stringify(model);
}

export class InvalidLinkageModelError extends Error {}

/**
 * Reads a model back from JSON, checking it fits the comparisons this engine defines. A model stored before a
 * level or a comparison was added is read with the new one's starting m and u, so stored models keep loading;
 * a comparison with empty or broken parameters, or a level this engine does not know, is refused.
 */
export function importModel(json: unknown): LinkageModel {
  const model = (typeof json === 'string' ? JSON.parse(json) : json) as StoredModel | null | undefined;
  if (model?.format !== 'referral-hub/linkage-model' || model.version !== 1) {
    throw new InvalidLinkageModelError('not a referral-hub linkage model (format/version)');
  }
  const stored = model.comparisons;
  const comparisons = {} as Record<ComparisonName, LevelParameters[]>;
  for (const comparison of COMPARISONS) {
    const levels = stored?.[comparison.name];
    if (levels === undefined && stored) {
      // A comparison added after the model was stored: its starting parameters until the model is re-learned.
      comparisons[comparison.name] = comparison.levels.map((l) => ({ id: l.id, m: l.m, u: l.u }));
      continue;
    }
    if (!Array.isArray(levels) || levels.length === 0) {
      throw new InvalidLinkageModelError(`model has no parameters for comparison ${comparison.name}`);
    }
    const given: readonly unknown[] = levels;
    const byId = new Map<string, LevelParameters>();
    for (const level of given) {
      const parameters = levelParametersOf(level);
      if (!parameters || !comparison.levels.some((l) => l.id === parameters.id)) {
        throw new InvalidLinkageModelError(`bad parameters for ${comparison.name}.${parameters?.id ?? 'a level without id, m and u'}`);
      }
      byId.set(parameters.id, parameters);
    }
    comparisons[comparison.name] = comparison.levels.map((l) => byId.get(l.id) ?? { id: l.id, m: l.m, u: l.u });
  }
  const expectedMatchesPerRecord = model.expectedMatchesPerRecord;
  if (typeof expectedMatchesPerRecord !== 'number' || !(expectedMatchesPerRecord >= 0)) {
    throw new InvalidLinkageModelError('bad expectedMatchesPerRecord');
  }
  return { ...model, format: model.format, version: model.version, expectedMatchesPerRecord, comparisons };
}

/**
 * A model as stored, before importModel has checked it: what it checks is not trusted to be there or to have its
 * type; the rest (frequencies, training figures) is the model's own.
 */
type StoredModel = Omit<LinkageModel, 'format' | 'version' | 'expectedMatchesPerRecord' | 'comparisons'> & {
  readonly format?: unknown;
  readonly version?: unknown;
  readonly expectedMatchesPerRecord?: unknown;
  readonly comparisons?: Readonly<Partial<Record<string, unknown>>>;
};

/** One level's parameters, if `level` is an id with positive m and u. */
function levelParametersOf(level: unknown): LevelParameters | undefined {
  if (typeof level !== 'object' || level === null || !('id' in level) || !('m' in level) || !('u' in level)) return undefined;
  const { id, m, u } = level;
  if (typeof id !== 'string' || typeof m !== 'number' || typeof u !== 'number' || !(m > 0) || !(u > 0)) return undefined;
  return { id, m, u };
}

/** Model parameters built from each level's starting m and u, for use before any data has been seen. */
export function defaultModel(): LinkageModel {
  const comparisons = {} as Record<ComparisonName, LevelParameters[]>;
  for (const c of COMPARISONS) comparisons[c.name] = c.levels.map((l) => ({ id: l.id, m: l.m, u: l.u }));
  return {
    format: 'referral-hub/linkage-model',
    version: 1,
    expectedMatchesPerRecord: 0.5,
    comparisons,
    termFrequencies: {},
    training: { records: 0, candidatePairs: 0, randomPairs: 0, sessions: [] },
  };
}
