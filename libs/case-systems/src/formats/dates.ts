import { isIsoDate } from '@app/domain';

const AIS_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** ISO YYYY-MM-DD → AIS's dd/MM/yyyy. */
export function isoToAisDate(iso: string): string {
  if (!isIsoDate(iso)) throw new RangeError('not an ISO calendar date');
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** AIS's dd/MM/yyyy → ISO YYYY-MM-DD; undefined when it is not a real calendar date. */
export function aisDateToIso(text: string): string | undefined {
  const m = AIS_DATE.exec(text);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isIsoDate(iso) ? iso : undefined;
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day in the UK of an instant (YYYY-MM-DD). A practitioner records the day the referral arrived
 * where they are: a referral at 00:30 BST is dated that day, not the UTC day before.
 */
export function ukDateOf(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError('not a valid instant');
  return LONDON_DAY.format(date);
}
