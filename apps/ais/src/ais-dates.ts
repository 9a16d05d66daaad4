import { isIsoDate } from '@app/domain';

const AIS_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** AIS writes dates as dd/MM/yyyy. Undefined when the text is not a real calendar date. */
export function parseAisDate(text: string): string | undefined {
  const m = AIS_DATE.exec(text);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** A date the request's validation has already accepted (`IsAisDate`); reaching here otherwise is a bug. */
export function validatedAisDate(text: string): string {
  const iso = parseAisDate(text);
  if (iso === undefined) throw new Error('An AIS date reached the service without passing validation');
  return iso;
}

export function formatAisDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** Timestamps the way AIS prints them: dd/MM/yyyy HH:mm:ss, UTC. */
export function formatAisTimestamp(instant: Date): string {
  const iso = instant.toISOString();
  return `${formatAisDate(iso.slice(0, 10))} ${iso.slice(11, 19)}`;
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date where the council is, ISO. */
export function todayInLondon(now: Date = new Date()): string {
  return LONDON_DAY.format(now);
}
