import { ageOn } from './dates';
import type { AssessedAge } from './adulthood';
import type { FieldViolation } from './referral';
import { refuseRecordedDay } from './recorded-day';
import { EARLIEST_DATE_OF_BIRTH } from './referral-rules';

export interface AgeAssessmentRequest {
  /** YYYY-MM-DD, the day the local authority assessed the person's age. */
  readonly assessedOn: string;
  readonly outcome: 'adult' | 'child';
  /** YYYY-MM-DD, the date of birth the assessment gave, if it gave one. */
  readonly assessedDateOfBirth?: string | null;
}

/**
 * What cannot be recorded as a local-authority age assessment, each naming its field. The assessment is a day that
 * has happened to this referral (`refuseRecordedDay`); the date of birth it gives is a real one (after 1900-01-01,
 * as on the referral, not in the future, not after the assessment) and agrees with its finding: an "adult" finding
 * is 18 or over on the day assessed, a "child" finding under 18 (MSA 2015 s.51: the finding decides the case
 * system, so a contradiction would move a child to adult services or the reverse).
 */
export function refuseAgeAssessment(request: AgeAssessmentRequest, context: { today: string; referredOn: string }): FieldViolation[] {
  const violations = refuseRecordedDay('assessedOn', request.assessedOn, context);
  const dob = request.assessedDateOfBirth;
  if (dob === undefined || dob === null) return violations;
  const path = 'assessedDateOfBirth';
  if (dob <= EARLIEST_DATE_OF_BIRTH) {
    violations.push({ path, message: `${path} must be after ${EARLIEST_DATE_OF_BIRTH}` });
  } else if (dob > context.today) {
    violations.push({ path, message: `${path} must not be in the future` });
  } else if (dob > request.assessedOn) {
    violations.push({ path, message: `${path} must not be after assessedOn` });
  } else {
    // Judged on the day assessed, or today for a day in the future (already refused): the person cannot have been
    // older than they are now.
    const on = request.assessedOn > context.today ? context.today : request.assessedOn;
    const age = ageOn(dob, on);
    if (age !== undefined && request.outcome === 'adult' && age < 18) {
      violations.push({
        path,
        message: `${path} makes the person ${age} on ${on}: an "adult" finding needs a date of birth 18 or more years before`,
      });
    }
    if (age !== undefined && request.outcome === 'child' && age >= 18) {
      violations.push({
        path,
        message: `${path} makes the person ${age} on ${on}: a "child" finding needs a date of birth under 18 years before`,
      });
    }
  }
  return violations;
}

/**
 * Whether an assessment being recorded now is the current finding among those already recorded: `latestAssessment`
 * orders by the day assessed, then by when recorded, so the one recorded now is current unless one already on the
 * record was assessed on a later day. Only the current finding moves a case between systems; an assessment recorded
 * late, dated before one already on the record, is history.
 */
export function isCurrentFinding(recorded: readonly AssessedAge[], assessedOn: string): boolean {
  return recorded.every((a) => a.assessedOn <= assessedOn);
}
