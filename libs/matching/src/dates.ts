/** A date of birth as recorded, kept both as digits (for typing errors) and as a calendar date when valid. */
export interface BirthDate {
  /** Eight digits YYYYMMDD exactly as recorded, even when they do not form a valid date. */
  readonly digits: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Days since 1970-01-01 when the date is a real calendar date, else null. */
  readonly dayNumber: number | null;
  /** Recorded as an estimate (`dob_estimated`): only the year is evidence. */
  readonly estimated: boolean;
  /**
   * 1 January: the date case systems put in when only the year (or an age) is known, so only the year is
   * evidence of identity.
   */
  readonly placeholder: boolean;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * Reads YYYY-MM-DD (the interchange format), YYYYMMDD and dd/MM/yyyy (as AIS exports it). Dates that are not
 * real calendar dates are kept as digits, since a mistyped month still carries evidence.
 */
export function parseBirthDate(value: string | null | undefined, estimated = false): BirthDate | null {
  if (!value) return null;
  const text = value.trim();
  if (!text) return null;
  let parts: [number, number, number] | null = null;
  let m = ISO.exec(text);
  if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = COMPACT.exec(text))) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = UK.exec(text))) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  if (!parts) return null;
  const [year, month, day] = parts;
  if (year < 1000) return null;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  const valid = month >= 1 && month <= 12 && day >= 1 && check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
  return {
    digits: pad(year, 4) + pad(month, 2) + pad(day, 2),
    year,
    month,
    day,
    dayNumber: valid ? Math.round(time / 86_400_000) : null,
    estimated,
    placeholder: month === 1 && day === 1,
  };
}

/** Whether the date is precise enough to earn the strong date-of-birth levels. */
export function isPreciseDate(date: BirthDate): boolean {
  return !date.estimated && !date.placeholder;
}
