import { EARLIEST_REFERRAL_DAY } from './referral-rules';
import { addWorkingDays } from './working-days';

/**
 * The Home Office aims to make a reasonable grounds decision within 5 working days of receiving a referral
 * (Modern Slavery Statutory Guidance for England and Wales; the NRM form's confirmation page says the same).
 */
export const REASONABLE_GROUNDS_AIM_WORKING_DAYS = 5;

/** The last day of the aim: a reasonable grounds decision made on or before it is in time. */
export function reasonableGroundsDueOn(countedFrom: string): string {
  return addWorkingDays(countedFrom, REASONABLE_GROUNDS_AIM_WORKING_DAYS);
}

function previousDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The latest start day (submission, else referral) of a case overdue on `today`: its due day is before today.
 * Due days never go back as the start day goes forward, so every earlier start is overdue too.
 */
export function latestOverdueStart(today: string): string {
  let day = previousDay(today);
  while (reasonableGroundsDueOn(day) >= today) day = previousDay(day);
  return day;
}

/** Whole calendar months from one day to another (31 January → 28 February is 0; → 1 March is 1). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** How long cases have waited, in whole months, in the bands the boards ask about. */
export const MONTHS_WAITING_BANDS = [
  { label: 'Under 3 months', from: 0, to: 2 },
  { label: '3 to 5 months', from: 3, to: 5 },
  { label: '6 to 11 months', from: 6, to: 11 },
  { label: '12 to 23 months', from: 12, to: 23 },
  { label: '24 months or more', from: 24, to: Number.POSITIVE_INFINITY },
] as const;

/** Counts of waits (in whole months) by band, every band listed. */
export function countByMonthsWaiting(months: readonly number[]): Array<{ label: string; count: number }> {
  return MONTHS_WAITING_BANDS.map((band) => ({ label: band.label, count: months.filter((m) => m >= band.from && m <= band.to).length }));
}

/**
 * The days a worklist can be drawn up for: from 1 April 2009, when the National Referral Mechanism began (no case
 * on a worklist is older), to the end of the fifth year after today's (looking ahead at deadlines). Outside them the
 * working-day arithmetic would run past the years the calendar can write.
 */
export const FIRST_WORKLIST_DAY = EARLIEST_REFERRAL_DAY;
export const WORKLIST_YEARS_AHEAD = 5;

export function worklistDays(today: string): { first: string; last: string } {
  return { first: FIRST_WORKLIST_DAY, last: `${String(Number(today.slice(0, 4)) + WORKLIST_YEARS_AHEAD)}-12-31` };
}
