import { CASE_SYSTEM_LIMITS } from './case-system-limits';

/**
 * A phone number as people write them: a UK number from 0 (10 or 11 digits, as Ofcom's numbering plan gives them:
 * 01296 395000, 07700 900123, 0800 123 4567), or an international number with its country code after + or 00
 * (E.164: at most 15 digits), spaces, hyphens, dots and brackets allowed, and "+44 (0)20…" as it is often written.
 */
export function isPhoneNumber(value: unknown): value is string {
  // No longer than the case systems take (a first responder's phone is sent to AIS and LCS).
  if (typeof value !== 'string' || value.length > CASE_SYSTEM_LIMITS.phone) return false;
  if (!/^[+\d\s().-]+$/.test(value) || value.indexOf('+') > 0 || (value.match(/\+/g) ?? []).length > 1) return false;
  const digits = value.replace(/\(0\)/, '').replace(/[^\d+]/g, '');
  if (/^0[1-9]\d{8,9}$/.test(digits)) return true;
  const international = /^(?:\+|00)(\d+)$/.exec(digits)?.[1];
  if (!international || international.startsWith('0')) return false;
  // A UK number written internationally is the UK number without its leading 0.
  if (international.startsWith('44')) return /^44[1-9]\d{8,9}$/.test(international);
  return international.length >= 7 && international.length <= 15;
}
