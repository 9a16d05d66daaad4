/**
 * The one configuration every data set is linked with: the batch CLI, the benchmark and the deduplicator
 * worker all read this, so a decision made in one place is the decision made in the other.
 */
export interface LinkageConfig {
  readonly thresholds: {
    /**
     * Match probability at or above which two records are linked as one person. 0.7: leaving a pair that is
     * more likely than not one person apart counts that person twice, which the council's scrutiny asked the
     * system to guard against; the margin above one half is for the model's own error. Links below `confirm` are
     * still put before a reviewer.
     */
    readonly match: number;
    /**
     * A link made automatically below this probability is put before a safeguarding lead to confirm: the
     * person is counted once meanwhile, and "not a match" takes the record back out. At or above it, no review.
     */
    readonly confirm: number;
    /** Match probability at or above which a pair goes to a safeguarding lead for review. */
    readonly possibleMatch: number;
  };
  readonly clustering: {
    /**
     * Two groups of records merge only if the mean match probability over every pair across them reaches this:
     * one strong link between two otherwise unrelated groups is not enough (weak links never chain). 0.35: a
     * record with no date of birth that matches one person's record, while that person's other record's date of
     * birth rules it out, is held back.
     */
    readonly minMeanProbability: number;
    /** No pair across the two groups may carry evidence (match weight before the prior) below this, in bits. */
    readonly contradictionWeight: number;
    /**
     * Nor may any pair across them have dates of birth whose level weighs below this, in bits. The weight is
     * learned, so where one person's records often disagree on the date (keying errors), it stays mild and does
     * not count as a contradiction; where they rarely do, dates years apart do.
     */
    readonly dateOfBirthContradictionWeight: number;
    /**
     * Complete dates of birth that disagree keep two groups apart (see `recordsConflict`) only while the model's
     * share of matches whose dates disagree (m of the "different" level) is at most this. 0.15: keying slips in a
     * case system touch a few percent of dates; a source where one match in three disagrees has no usable dates.
     */
    readonly maxDateDisagreement: number;
    /**
     * A pair the sibling guard holds back because the given names differ goes without review, as plainly two
     * people (`Scorer.keptApart`), only while the model's share of matches whose given names differ outright (m of
     * given_name "different") is at most this. 0.01: in a source where one person's records rarely carry another
     * given name, such pairs are twins and siblings; where a replaced given name is common (1.8 to 4.7% of matches
     * in the public benchmark sets), many are one person and a reviewer should see them.
     */
    readonly maxGivenNameDisagreement: number;
  };
  readonly blocking: {
    /** Blocks larger than this are skipped: their pairs would swamp the comparison without adding recall. */
    readonly maxBlockSize: number;
  };
  readonly training: {
    /**
     * Random record pairs drawn to estimate u (the chance of agreement among non-matches). 200,000: comparing them
     * is most of a learning run, which the deduplicator repeats as its index grows; 400,000 gave the same figures
     * (docs/linkage-evaluation.md). 100,000 moved libs/synth seed 7's m of given_name "different" below
     * `maxGivenNameDisagreement`, which changes its review load: too few for a threshold this close.
     */
    readonly randomPairs: number;
    /** Most blocked pairs used in each expectation-maximisation session. */
    readonly maxSessionPairs: number;
    readonly emIterations: number;
    /** Pseudo-counts pulling m and u towards their starting values, so rare levels keep finite weights. */
    readonly mPseudoCount: number;
    readonly uPseudoCount: number;
    /** Seed of the random pair sampler, so training is reproducible. */
    readonly seed: number;
  };
  readonly termFrequency: {
    /** Floor on a value's frequency, so that a unique misspelling is not taken as near-proof. */
    readonly minimumFrequency: number;
    /**
     * Values are counted once per group of records a first pass holds to be one person; a group larger than
     * this is taken for several people (possible matches chain) and its records count one by one.
     */
    readonly maxGroupSize: number;
  };
  /**
   * Twins and siblings share a family name, often a date of birth and an address, but not a given name: when
   * the given names plainly differ, or one is only an initial a sibling may share, and no identifier agrees, the
   * pair can be at most a possible match.
   */
  readonly siblingGuard: boolean;
  /**
   * Names alone (even with sex and nationality, which names largely imply) never make a MATCH: a date of birth,
   * an identifier or the address must also speak for it, else the pair goes to review.
   */
  readonly requireCorroboration: boolean;
}

export const DEFAULT_LINKAGE_CONFIG: LinkageConfig = Object.freeze({
  thresholds: Object.freeze({ match: 0.7, confirm: 0.9, possibleMatch: 0.3 }),
  clustering: Object.freeze({
    minMeanProbability: 0.35,
    contradictionWeight: -15,
    dateOfBirthContradictionWeight: -5,
    maxDateDisagreement: 0.15,
    maxGivenNameDisagreement: 0.01,
  }),
  blocking: Object.freeze({ maxBlockSize: 1500 }),
  training: Object.freeze({
    randomPairs: 200_000,
    maxSessionPairs: 400_000,
    emIterations: 30,
    mPseudoCount: 5,
    uPseudoCount: 200,
    seed: 20_240_101,
  }),
  termFrequency: Object.freeze({ minimumFrequency: 0.0002, maxGroupSize: 25 }),
  siblingGuard: true,
  requireCorroboration: false,
});
