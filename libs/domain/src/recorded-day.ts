import type { FieldViolation } from './referral';

/**
 * The one rule for the day something was done to a referral (a decision's letter, a transition step, a support
 * referral, an age assessment): it has happened, so it is not in the future, and it happened to this referral, so
 * not before the referral's own day. Both are UK calendar days (YYYY-MM-DD); the violation names `path`.
 */
export function refuseRecordedDay(path: string, day: string, context: { today: string; referredOn: string }): FieldViolation[] {
  const violations = refuseFutureDay(path, day, context.today);
  if (day < context.referredOn) violations.push({ path, message: `${path} must not be before the referral (${context.referredOn})` });
  return violations;
}

/** The half of `refuseRecordedDay` that needs no referral: a day that has happened is not after `today`. */
export function refuseFutureDay(path: string, day: string, today: string): FieldViolation[] {
  return day > today ? [{ path, message: `${path} must not be in the future` }] : [];
}
