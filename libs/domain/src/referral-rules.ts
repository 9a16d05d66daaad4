import { mayBeChild } from './age-route';
import { isIsoDate, parsePartialDate, toIsoDate } from './dates';
import { effectiveExploitationTypes } from './home-office-types';
import type { Exploitation, FieldViolation, Referral } from './referral';

/** The earliest date of birth the Home Office form accepts (pv-dob: after 1 January 1900). */
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

/** A referral time a little ahead of the server clock is a clock difference, not a future referral. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

// s.52(3) MSA 2015: a notification about an adult may not identify them unless they consent; the digital
// service asks names and contact only of a potential victim who co-operates with the authorities, and never
// a date of birth on the Duty to Notify path.
const ALWAYS_WITHHELD_FROM_DTN = ['dateOfBirth', 'dateOfBirthEstimated', 'nhsNumber', 'homeOfficeReference'] as const;
const WITHHELD_FROM_ANONYMOUS_DTN = ['firstName', 'lastName', 'aliases', 'contact'] as const;

/**
 * The cross-field rules of the NRM form, the Duty to Notify and the Modern Slavery Act 2015 that a field-level
 * validator cannot see. Defensive about shape: it runs beside the field validation so that one answer lists
 * every failing field, and must not throw on a malformed body.
 */
export function checkReferralRules(referral: Partial<Referral>, now: Date = new Date()): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const today = toIsoDate(now);
  const age = referral.age;
  const victim = referral.potentialVictim;
  // A referredAt that is not a date at all is reported by field validation; the rules then reason from today.
  const referredAt = typeof referral.referredAt === 'string' && Number.isFinite(Date.parse(referral.referredAt)) ? referral.referredAt : now.toISOString();
  const dateOfBirth = isIsoDate(victim?.dateOfBirth) ? victim?.dateOfBirth : undefined;

  if (typeof referral.referredAt === 'string' && Date.parse(referral.referredAt) > now.getTime() + CLOCK_SKEW_MS) {
    violations.push({ path: 'referredAt', message: 'referredAt must not be in the future' });
  }

  if (dateOfBirth) {
    if (dateOfBirth <= EARLIEST_DATE_OF_BIRTH) {
      violations.push({ path: 'potentialVictim.dateOfBirth', message: 'dateOfBirth must be after 1900-01-01' });
    } else if (dateOfBirth > today) {
      violations.push({ path: 'potentialVictim.dateOfBirth', message: 'dateOfBirth must not be in the future' });
    }
  }

  if (victim?.secondNationality && victim.secondNationality === victim.nationality) {
    violations.push({
      path: 'potentialVictim.secondNationality',
      message: 'secondNationality must differ from nationality',
    });
  }

  const exploitation = referral.exploitation;
  const otherNamed = effectiveExploitationTypes(exploitation).includes('other') || (Array.isArray(exploitation?.homeOfficeTypes) && exploitation.homeOfficeTypes.includes('other'));
  if (otherNamed && !exploitation?.otherDetails?.trim()) {
    violations.push({ path: 'exploitation.otherDetails', message: 'otherDetails is required when types include "other"' });
  }
  // County lines is a kind of criminal exploitation (drug supply); the flag on any other exploitation is a slip.
  if (exploitation?.countyLines === true && !effectiveExploitationTypes(exploitation).includes('criminal')) {
    violations.push({ path: 'exploitation.countyLines', message: 'countyLines is criminal exploitation: types must include "criminal" (or homeOfficeTypes "forced-to-commit-crime")' });
  }
  violations.push(...locationViolations(exploitation));
  // The form says an estimate is fine: a month and year, or a year, is a period, wrong only if all of it is.
  const started = parsePartialDate(exploitation?.startDate);
  if (started) {
    if (started.first > today) {
      violations.push({ path: 'exploitation.startDate', message: 'startDate must not be in the future' });
    } else if (dateOfBirth && started.last < dateOfBirth) {
      violations.push({ path: 'exploitation.startDate', message: 'startDate must not be before the date of birth' });
    }
  }

  if (!age || typeof age !== 'object') return violations;
  const child = mayBeChild({ age, dateOfBirth, referredAt });

  if (child) {
    // Toolkit s.1: "Consent is not needed for children to enter the NRM and a referral must be made."
    if (referral.kind === 'dtn') {
      violations.push({
        path: 'kind',
        message: 'a potential victim who may be under 18 is referred to the NRM without consent: kind must be "nrm"',
      });
    }
    // Form: "You must contact the relevant local authority to safeguard the child before continuing".
    if (!referral.localAuthorityContact) {
      violations.push({
        path: 'localAuthorityContact',
        message: 'localAuthorityContact is required when the potential victim may be under 18',
      });
    }
    return violations;
  }

  if (referral.kind === 'nrm' && referral.consentToNrm !== true) {
    violations.push({
      path: 'consentToNrm',
      message: 'an adult is referred to the NRM only with consent: consentToNrm must be true, or send a "dtn" notification',
    });
  }
  if (referral.kind === 'dtn') {
    if (referral.consentToNrm === true) {
      violations.push({ path: 'consentToNrm', message: 'an adult who consents is referred with kind "nrm", not "dtn"' });
    }
    const withheld: readonly string[] = referral.cooperatesWithAuthorities
      ? ALWAYS_WITHHELD_FROM_DTN
      : [...ALWAYS_WITHHELD_FROM_DTN, ...WITHHELD_FROM_ANONYMOUS_DTN];
    for (const field of withheld) {
      if (victim && (victim as unknown as Record<string, unknown>)[field] !== undefined) {
        violations.push({
          path: `potentialVictim.${field}`,
          message: referral.cooperatesWithAuthorities
            ? `${field} is never given in a Duty to Notify notification`
            : `${field} must not be given in an anonymous Duty to Notify notification (MSA 2015 s.52(3))`,
        });
      }
    }
  }
  return violations;
}

/** An anonymous notification: a Duty to Notify whose subject did not agree to co-operate; never identity-matched. */
export function isAnonymousNotification(referral: Pick<Referral, 'kind' | 'cooperatesWithAuthorities'>): boolean {
  return referral.kind === 'dtn' && referral.cooperatesWithAuthorities !== true;
}

const UNITED_KINGDOM = 'GBR';

/**
 * The form asks for a town or city when the exploitation was in the UK and a country when it was overseas. A UK
 * location described only by overseas countries, or an overseas one only by UK towns, contradicts itself.
 */
function locationViolations(exploitation: Partial<Exploitation> | undefined): FieldViolation[] {
  if (!exploitation || typeof exploitation !== 'object') return [];
  const towns = Array.isArray(exploitation.ukTowns) ? exploitation.ukTowns.filter((t) => typeof t === 'string' && t.trim()) : [];
  const overseas = Array.isArray(exploitation.countries) ? exploitation.countries.filter((c) => typeof c === 'string' && c.toUpperCase() !== UNITED_KINGDOM) : [];
  if (exploitation.location === 'uk' && overseas.length > 0 && towns.length === 0) {
    return [{ path: 'exploitation.countries', message: 'location is "uk": name the UK towns or cities in ukTowns; countries are for exploitation overseas' }];
  }
  if (exploitation.location === 'overseas' && towns.length > 0 && overseas.length === 0) {
    return [{ path: 'exploitation.ukTowns', message: 'location is "overseas": name the countries in countries; ukTowns are for exploitation in the UK' }];
  }
  return [];
}
