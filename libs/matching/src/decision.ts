import { BirthDate } from './dates';
import { LinkageConfig } from './config';
import type { PersonCandidate } from './person-index';
import { PreparedRecord } from './record';
import { probabilityFromWeight, type MatchDecision, type MatchExplanation, type Scorer } from './scoring';

/**
 * The one place where a link is decided, for the batch linker (`linkRecords`, through `clusterRecords`) and the
 * deduplicator worker (`PersonIndex.match`) alike: what the model's weight says about the strongest pair, held
 * against what every pair across the two groups says (a record and a person, or two groups of records).
 */

/** What one pair across two groups says about the groups. */
export interface PairScore {
  readonly probability: number;
  /** The pair says its two groups are different people (`Scorer.contradicts` or `recordsConflict`). */
  readonly contradicts: boolean;
  /** An identifier that only one person holds agrees (a valid NHS number, a transfer's cross-reference). */
  readonly identifierAgrees?: boolean;
  /**
   * Both records state a date of birth as fact (complete, or a 1 January date not marked as an estimate), so the
   * pair is one of those that say which date the person was born on; `datesConflict` says whether they disagree.
   */
  readonly datesBelieved?: boolean;
  readonly datesConflict?: boolean;
}

/** Every pair across two groups, summed as they are scored. */
export class GroupTally {
  pairs = 0;
  private sum = 0;
  contradicted = false;
  identifierAgrees = false;
  /** Pairs across the groups whose two dates of birth are both stated as fact, and how many of them conflict. */
  believedDates = 0;
  conflictingDates = 0;

  add(score: PairScore): this {
    this.pairs += 1;
    this.sum += score.probability;
    if (score.contradicts) this.contradicted = true;
    if (score.identifierAgrees) this.identifierAgrees = true;
    if (score.datesBelieved) {
      this.believedDates += 1;
      if (score.datesConflict) this.conflictingDates += 1;
    }
    return this;
  }

  get meanProbability(): number {
    return this.pairs ? this.sum / this.pairs : 0;
  }

  /**
   * The groups disagree on when the person was born: at least half the pairs of dates both stated as fact
   * conflict. One stated date against another settles it; one mistyped date among a person's many records does
   * not outvote the rest (a new record one slip from the person's date, two from the mistyped one, still joins).
   */
  get datesDisagree(): boolean {
    return this.conflictingDates > 0 && 2 * this.conflictingDates >= this.believedDates;
  }

  /** The groups are two people: a pair across them rules it out, or their stated dates of birth disagree. */
  get apart(): boolean {
    return this.contradicted || this.datesDisagree;
  }
}

export interface LinkEvidence {
  /** Match probability of the strongest pair between the two groups. */
  readonly probability: number;
  /** A rule (twins and siblings) holds that pair below MATCH whatever its weight. */
  readonly guarded: boolean;
  /** The rule holds it back as plainly two people (`Scorer.keptApart`): no match, and no review. */
  readonly keptApart?: boolean;
  /** Every pair across the two groups; absent when deciding one pair on its own. */
  readonly group?: GroupTally;
  /** The strongest pair itself shares an identifier (see `PairScore.identifierAgrees`). */
  readonly identifierAgrees?: boolean;
}

/** possible_match: not strong enough; sibling_guard: a rule held it back; group_conflict: the groups disagree. */
export type LinkReason = 'possible_match' | 'sibling_guard' | 'group_conflict';

export interface LinkDecision {
  readonly decision: MatchDecision;
  readonly reason: LinkReason | null;
}

/**
 * MATCH needs the strongest pair at the match threshold (or an identifier only one person holds) and the groups
 * to hold together as a whole: no pair across them contradicts, and the mean probability over every pair across
 * them clears `minMeanProbability`. So a record whose date of birth is only estimated cannot join two people
 * whose complete dates of birth disagree, however many such records arrive.
 */
export function decideLink(evidence: LinkEvidence, config: LinkageConfig): LinkDecision {
  const { match, possibleMatch } = config.thresholds;
  const group = evidence.group && evidence.group.pairs > 0 ? evidence.group : undefined;
  const identified = evidence.identifierAgrees === true || (group?.identifierAgrees ?? false);
  const strongEnough = (evidence.probability >= match && !evidence.guarded) || identified;
  if (strongEnough) {
    if (group && group.apart) return { decision: 'POSSIBLE_MATCH', reason: 'group_conflict' };
    // An identifier only one person holds outweighs a weak group average, not a contradiction.
    if (group && !identified && group.meanProbability < config.clustering.minMeanProbability) {
      return { decision: 'POSSIBLE_MATCH', reason: 'group_conflict' };
    }
    return { decision: 'MATCH', reason: null };
  }
  if (evidence.guarded && evidence.keptApart) return { decision: 'NO_MATCH', reason: null };
  if (evidence.guarded && evidence.probability >= possibleMatch) return { decision: 'POSSIBLE_MATCH', reason: 'sibling_guard' };
  if (evidence.probability >= possibleMatch) return { decision: 'POSSIBLE_MATCH', reason: 'possible_match' };
  return { decision: 'NO_MATCH', reason: null };
}

/** A real calendar date, not marked as an estimate and not the 1 January placeholder. */
export function isCompleteDate(date: BirthDate): date is BirthDate & { readonly dayNumber: number } {
  return date.dayNumber !== null && !date.estimated && !date.placeholder;
}

/** Years between two dates that one person's records never show once an estimate or placeholder is involved. */
const PLACEHOLDER_YEARS = 3;

/**
 * Whether two recorded dates of birth cannot belong to one person, whatever else agrees. Two complete dates
 * that are neither equal, nor day and month swapped, nor one keying error apart, nor within a month, are two
 * people; a 1 January date the record does not mark as an estimate is believed to its year, give or take the
 * years a guessed year is out. A date marked as an estimate rules nothing out here (its weight still counts).
 */
export function birthDatesConflict(x: BirthDate, y: BirthDate): boolean {
  if (x.estimated || y.estimated) return false;
  const cx = isCompleteDate(x);
  const cy = isCompleteDate(y);
  if (cx && cy) {
    if (x.digits === y.digits) return false;
    if (x.year === y.year && x.month === y.day && x.day === y.month) return false;
    if (oneDigitApart(x.digits, y.digits)) return false;
    return Math.abs(x.dayNumber - y.dayNumber) > 31;
  }
  if ((cx || x.placeholder) && (cy || y.placeholder)) return Math.abs(x.year - y.year) >= PLACEHOLDER_YEARS && !oneDigitApart(x.digits, y.digits);
  return false;
}

function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  if (diff <= 1) return true;
  // Two neighbouring digits transposed (1987 keyed as 1978) is one slip too.
  for (let i = 0; i < a.length - 1; i++) {
    if (a[i] !== b[i]) return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return false;
}

/**
 * What the two records themselves say against being one person, whatever the model's weights: their valid NHS
 * numbers differ (the check digit catches every single keying error, so two valid numbers are two people), or
 * their dates of birth conflict (`birthDatesConflict`) and nothing beyond the names (an identifier, the address)
 * speaks for them. Two people who merely share a common name are kept apart by their dates; one person whose date
 * was mistyped but whose address or identifier agrees is not. Where the model learned that one person's records
 * disagree on the date too often for it to settle anything (`Scorer.datesDecisive`), dates rule nothing out.
 * Equal valid NHS numbers outweigh a date of birth conflict (a mistyped date is likelier than a shared number).
 */
export function recordsConflict(a: PreparedRecord, b: PreparedRecord, context: { readonly corroborated: boolean; readonly datesDecisive: boolean }): boolean {
  if (a.nhsNumber && b.nhsNumber) return a.nhsNumber !== b.nhsNumber;
  return context.datesDecisive && !context.corroborated && a.dob !== null && b.dob !== null && birthDatesConflict(a.dob, b.dob);
}

/** An identifier only one person holds agrees: a valid NHS number, or a transfer's cross-reference. */
export function identifierAgrees(a: PreparedRecord, b: PreparedRecord): boolean {
  if (a.nhsNumber !== null && a.nhsNumber === b.nhsNumber) return true;
  return (a.otherId !== null && a.otherId === b.recordKey) || (b.otherId !== null && b.otherId === a.recordKey);
}

/** A date of birth the record states as fact: not marked as an estimate, and a real date or a 1 January date. */
function believed(date: BirthDate | null): boolean {
  return date !== null && !date.estimated && (date.dayNumber !== null || date.placeholder);
}

/**
 * What one pair of records, found across two groups, says about the groups: the one computation behind the
 * batch linker's clustering and the worker's person check. `levels` are the pair's comparison levels, `evidence`
 * their weight (`Scorer.evidence`), `priorWeight` the prior for the number of records compared against.
 */
export function scoreAcross(scorer: Scorer, a: PreparedRecord, b: PreparedRecord, levels: Int8Array, evidence: number, priorWeight: number): PairScore {
  const datesBelieved = scorer.datesDecisive && believed(a.dob) && believed(b.dob) && !(a.nhsNumber && b.nhsNumber);
  const nhsDiffer = a.nhsNumber !== null && b.nhsNumber !== null && a.nhsNumber !== b.nhsNumber;
  return {
    probability: probabilityFromWeight(priorWeight + evidence),
    contradicts: nhsDiffer || scorer.contradicts(levels, evidence, datesBelieved),
    identifierAgrees: identifierAgrees(a, b),
    datesBelieved,
    datesConflict:
      datesBelieved && (scorer.datesDisagree(levels) || recordsConflict(a, b, { corroborated: scorer.corroboratedBeyondDate(levels), datesDecisive: true })),
  };
}

/** Why a record goes before a reviewer against a candidate person, in the worker's review queue. */
export type PersonReviewReason = 'matches_several_persons' | 'match_to_other_person' | 'possible_match';

/** The person a record is linked to already, when it is decided again. */
export interface OwnPerson {
  readonly personId: string;
  /** The person holds no record but this one. */
  readonly alone: boolean;
}

/** Where one record goes among the persons it was matched against (`choosePerson`). */
export interface PersonChoice {
  /** The person the record joins: a candidate, or its own person; null for a new person of its own. */
  readonly personId: string | null;
  readonly status: MatchDecision;
  /** The candidate whose link explains the decision: the one joined, else the strongest. */
  readonly best: PersonCandidate | undefined;
  /** Joined below the confirmation threshold: a reviewer is asked to confirm the link. */
  readonly confirm: boolean;
  /** Every other candidate, with why a reviewer should look at it. */
  readonly reviews: ReadonlyArray<{ readonly candidate: PersonCandidate; readonly reason: PersonReviewReason }>;
}

/**
 * Why a candidate person the record did not join goes to review: it is one of several persons the record matches,
 * a match the record was not linked to, or a possible match. `matching` counts the candidates that are a MATCH.
 */
export function reviewReason(candidate: PersonCandidate, matching: number): PersonReviewReason {
  return matching > 1 ? 'matches_several_persons' : candidate.decision === 'MATCH' ? 'match_to_other_person' : 'possible_match';
}

/**
 * The "exactly one person matches" rule, for the worker one record at a time, its batch and backlog jobs, and the
 * re-decisions after a new model. The record joins a person only when exactly one candidate is a MATCH (each
 * already judged against the person as a whole, `PersonIndex.match`), so weak links never chain two people. With
 * none, or several, it stays apart: in its own person (`own`) when it has one that is among those it matches or
 * that holds nothing else, otherwise in a new person; every candidate it did not join goes to review.
 */
export function choosePerson(candidates: readonly PersonCandidate[], config: LinkageConfig, own: OwnPerson | null = null): PersonChoice {
  const matching = candidates.filter((c) => c.decision === 'MATCH');
  let personId: string | null;
  let status: MatchDecision;
  let best: PersonCandidate | undefined;
  if (matching.length === 1) {
    best = matching[0];
    personId = best.personId;
    status = 'MATCH';
  } else {
    best = candidates.at(0);
    const keep = own !== null && (own.alone || matching.some((c) => c.personId === own.personId));
    personId = keep ? own.personId : null;
    status = candidates.length ? 'POSSIBLE_MATCH' : 'NO_MATCH';
  }
  const reason = (c: PersonCandidate): PersonReviewReason => reviewReason(c, matching.length);
  return {
    personId,
    status,
    best,
    confirm: status === 'MATCH' && best !== undefined && best.probability < config.thresholds.confirm,
    reviews: candidates.filter((c) => c.personId !== personId).map((candidate) => ({ candidate, reason: reason(candidate) })),
  };
}

/**
 * The choice for a record that a group-level decision (the batch engine's clustering of the whole index) puts in
 * `target` with `status`: the candidate for that person explains it, and every other candidate goes to review as
 * `choosePerson` would send it.
 */
export function placeRecord(candidates: readonly PersonCandidate[], config: LinkageConfig, target: string, status: MatchDecision): PersonChoice {
  const others = candidates.filter((c) => c.personId !== target);
  const matching = others.filter((c) => c.decision === 'MATCH');
  const joined = candidates.find((c) => c.personId === target);
  const reason = (c: PersonCandidate): PersonReviewReason => reviewReason(c, matching.length);
  return {
    personId: target,
    status,
    best: joined ?? candidates.at(0),
    confirm: status === 'MATCH' && joined !== undefined && joined.probability < config.thresholds.confirm,
    reviews: others.map((candidate) => ({ candidate, reason: reason(candidate) })),
  };
}

/** A review to open for a record after `choosePerson`: which person a reviewer looks at, and why. */
export interface PersonReview {
  readonly candidatePersonId: string;
  readonly reason: 'confirm_match' | PersonReviewReason;
  readonly probability: number;
  readonly explanation: MatchExplanation;
}

/**
 * The reviews a choice asks for, in the order every path opens them: the confirmation of the person joined (`target`,
 * the person the record was written to, new or not), then each candidate it did not join.
 */
export function reviewsOf(choice: PersonChoice, target: string): PersonReview[] {
  const confirmation: PersonReview[] =
    choice.confirm && choice.best
      ? [{ candidatePersonId: target, reason: 'confirm_match', probability: choice.best.probability, explanation: choice.best.explanation }]
      : [];
  return [
    ...confirmation,
    ...choice.reviews.map(({ candidate, reason }) => ({
      candidatePersonId: candidate.personId,
      reason,
      probability: candidate.probability,
      explanation: candidate.explanation,
    })),
  ];
}
