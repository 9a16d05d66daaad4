import { CalendarDate, ageOn } from './calendar-date';

export type YesNoNotSure = 'yes' | 'no' | 'not_sure';

/** The age answers of a referral (`age.*`), with the dates that can settle them. */
export interface AgeAnswers {
  /** "Is the potential victim under 18?", asked about the day of the referral. */
  readonly under18: YesNoNotSure;
  /** "Were they under 18 at any time during the exploitation?", asked of adults. */
  readonly under18DuringExploitation?: YesNoNotSure | null;
  readonly dateOfBirth?: CalendarDate | null;
  readonly exploitationStartDate?: CalendarDate | null;
  /** The UK date of the referral: the "now" of `under18`. */
  readonly referredOn?: CalendarDate | null;
}

export const AGE_GROUP_ADULT = 'Adult (18 or over)';
export const AGE_GROUP_CHILD = 'Child (17 or under)';
export const AGE_GROUP_UNKNOWN = 'Not specified or unknown';

/** Home Office NRM Table 2 order. */
export const AGE_GROUP_LABELS = [AGE_GROUP_ADULT, AGE_GROUP_CHILD, AGE_GROUP_UNKNOWN] as const;
export type AgeGroupLabel = (typeof AGE_GROUP_LABELS)[number];

const ADULTHOOD = 18;

/**
 * The age group at exploitation, by which the Home Office NRM statistics classify (docs/domain.md, "Age" and "Transition at 18":
 * age at exploitation, which does not change when a child's case moves to adults' services).
 *
 * Reasoning, in order:
 * 1. Child if anything says the person was under 18 when exploited:
 *    - under 18 now (the answer "yes", or a date of birth under 18 on the referral date): exploitation began
 *      before the referral, so they were under 18 then as well;
 *    - an adult who answers "under 18 at any time during the exploitation" with "yes";
 *    - a date of birth and a start date that put them under 18 when it began.
 *    Child evidence wins over contrary adult evidence, as it does in the age router (MSA 2015 s.51: where a
 *    person may be a child, treat them as one), so the two never disagree about the same referral.
 * 2. Adult if a date of birth and a start date put them 18 or over when it began, or if they are an adult now
 *    (the answer "no", or "not sure" settled by a date of birth of 18 or over on the referral date) and answer
 *    "no" to being under 18 during the exploitation.
 * 3. Otherwise "Not specified or unknown": "not sure" without a date of birth that settles it, or an adult whose
 *    age during the exploitation is "not sure" or unanswered. The form maps "not sure" to Unknown
 *    (`AdultOrChild`, GH UKHomeOffice/modern-slavery `apps/nrm/models/submission.js`); we do not guess.
 * A start date before the date of birth is a typing error and settles nothing.
 */
export function ageGroupAtExploitation(answers: AgeAnswers): AgeGroupLabel {
  const { under18, under18DuringExploitation, dateOfBirth, exploitationStartDate, referredOn } = answers;
  const ageNow = dateOfBirth && referredOn ? ageOn(dateOfBirth, referredOn) : undefined;
  const ageAtStart = dateOfBirth && exploitationStartDate && exploitationStartDate >= dateOfBirth ? ageOn(dateOfBirth, exploitationStartDate) : undefined;

  const childNow = under18 === 'yes' || (ageNow !== undefined && ageNow < ADULTHOOD);
  if (childNow || under18DuringExploitation === 'yes' || (ageAtStart !== undefined && ageAtStart < ADULTHOOD)) {
    return AGE_GROUP_CHILD;
  }
  if (ageAtStart !== undefined) return AGE_GROUP_ADULT;
  const adultNow = under18 === 'no' || (ageNow !== undefined && ageNow >= ADULTHOOD);
  if (adultNow && under18DuringExploitation === 'no') return AGE_GROUP_ADULT;
  return AGE_GROUP_UNKNOWN;
}
