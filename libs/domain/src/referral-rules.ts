import { mayBeChild } from './age-route';
import { isIsoDate, parsePartialDate, ukDateOn } from './dates';
import { effectiveExploitationTypes, statisticsTypesOf } from './home-office-types';
import type { Exploitation, FieldViolation, Referral } from './referral';

/** The earliest date of birth the Home Office form accepts (pv-dob: after 1 January 1900). */
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

/**
 * The first day a referral can be dated: the National Referral Mechanism began on 1 April 2009 (the Duty to Notify,
 * MSA 2015 s.52, later still). An earlier date is a slip, and would put the referral in no worklist or figure.
 */
export const EARLIEST_REFERRAL_DAY = '2009-04-01';

/** The Duty to Notify (MSA 2015 s.52) came into force on 1 November 2015: no notification is dated before it. */
export const DUTY_TO_NOTIFY_BEGAN = '2015-11-01';

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
  // The UK calendar day: a child born today in London, shortly after midnight (23:30 UTC in summer), is not born in the future.
  const today = ukDateOn(now);
  const age = referral.age;
  const victim = referral.potentialVictim;
  const referredAtProblem = referredAtViolation(referral.referredAt, now);
  if (referredAtProblem) violations.push(referredAtProblem);
  // A referredAt that is not a date at all is reported by field validation, an impossible one here; either way the
  // rules then reason from now, so that one slip is one refusal (a date of 1850 would make anyone born since a child).
  const referredAt =
    typeof referral.referredAt === 'string' && Number.isFinite(Date.parse(referral.referredAt)) && !referredAtProblem ? referral.referredAt : now.toISOString();
  // The referral's own day, as the statistics count it: the UK calendar day of referredAt.
  const referredOn = ukDateOn(new Date(referredAt));
  if (referral.kind === 'dtn' && referredOn < DUTY_TO_NOTIFY_BEGAN) {
    violations.push({
      path: 'referredAt',
      message: `referredAt must not be before ${DUTY_TO_NOTIFY_BEGAN} for a Duty to Notify notification, when the duty began`,
    });
  }

  const givenDateOfBirth = isIsoDate(victim?.dateOfBirth) ? victim.dateOfBirth : undefined;
  const dateOfBirthProblem = givenDateOfBirth ? dateOfBirthViolation(givenDateOfBirth, today, referredOn) : undefined;
  if (dateOfBirthProblem) violations.push(dateOfBirthProblem);
  // The age route and the start of exploitation reason from a date of birth only once it is a possible one: a date
  // after the referral would make anyone a child, and add refusals that follow from the slip alone.
  const dateOfBirth = dateOfBirthProblem ? undefined : givenDateOfBirth;

  if (victim?.secondNationality && victim.secondNationality === victim.nationality) {
    violations.push({
      path: 'potentialVictim.secondNationality',
      message: 'secondNationality must differ from nationality',
    });
  }

  const exploitation = referral.exploitation;
  const otherNamed =
    effectiveExploitationTypes(exploitation).includes('other') ||
    (Array.isArray(exploitation?.homeOfficeTypes) && exploitation.homeOfficeTypes.includes('other'));
  if (otherNamed && !exploitation?.otherDetails?.trim()) {
    violations.push({ path: 'exploitation.otherDetails', message: 'otherDetails is required when types include "other"' });
  }
  // Both given: the statistics types must be those the detailed types imply, or a referral would be counted under
  // types its own detailed answers contradict (detailed "prostitution" counted as labour only).
  violations.push(...typesAgreementViolations(exploitation));
  // County lines is a kind of criminal exploitation (drug supply); the flag on any other exploitation is a slip.
  if (exploitation?.countyLines === true && !effectiveExploitationTypes(exploitation).includes('criminal')) {
    violations.push({
      path: 'exploitation.countyLines',
      message: 'countyLines is criminal exploitation: types must include "criminal" (or homeOfficeTypes "forced-to-commit-crime")',
    });
  }
  violations.push(...locationViolations(exploitation));
  violations.push(...formAnswerViolations(referral));
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

/** A referral date that cannot be: in the future (beyond a clock difference), or before the NRM began. */
function referredAtViolation(given: unknown, now: Date): FieldViolation | undefined {
  const at = typeof given === 'string' ? Date.parse(given) : Number.NaN;
  if (!Number.isFinite(at)) return undefined;
  if (at > now.getTime() + CLOCK_SKEW_MS) return { path: 'referredAt', message: 'referredAt must not be in the future' };
  if (ukDateOn(new Date(at)) < EARLIEST_REFERRAL_DAY) {
    return { path: 'referredAt', message: `referredAt must not be before ${EARLIEST_REFERRAL_DAY}, when the National Referral Mechanism began` };
  }
  return undefined;
}

/** A date of birth the form refuses: on or before 1 January 1900, in the future, or after the referral's own day. */
function dateOfBirthViolation(dateOfBirth: string, today: string, referredOn: string): FieldViolation | undefined {
  const path = 'potentialVictim.dateOfBirth';
  if (dateOfBirth <= EARLIEST_DATE_OF_BIRTH) return { path, message: `dateOfBirth must be after ${EARLIEST_DATE_OF_BIRTH}` };
  if (dateOfBirth > today) return { path, message: 'dateOfBirth must not be in the future' };
  // Someone is referred only once born: a later date of birth is a slip in one of the two dates.
  if (dateOfBirth > referredOn) return { path, message: `dateOfBirth must not be after the referral date (${referredOn})` };
  return undefined;
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
  const overseas = Array.isArray(exploitation.countries)
    ? exploitation.countries.filter((c) => typeof c === 'string' && c.toUpperCase() !== UNITED_KINGDOM)
    : [];
  if (exploitation.location === 'uk' && overseas.length > 0 && towns.length === 0) {
    return [{ path: 'exploitation.countries', message: 'location is "uk": name the UK towns or cities in ukTowns; countries are for exploitation overseas' }];
  }
  if (exploitation.location === 'overseas' && towns.length > 0 && overseas.length === 0) {
    return [{ path: 'exploitation.ukTowns', message: 'location is "overseas": name the countries in countries; ukTowns are for exploitation in the UK' }];
  }
  return [];
}

type Answers = Record<string, unknown> | undefined;
const given = (v: unknown): boolean => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
const part = (v: unknown): Answers => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/**
 * The form's follow-up questions: an answer "yes" asks for its details (the form will not go on without them),
 * and details belong to a "yes". Each pair is [object path, the yes/no answer, the details it asks for].
 */
const FOLLOW_UPS: ReadonlyArray<[string, string, string]> = [
  ['potentialVictim', 'hasChildren', 'numberOfChildren'],
  ['potentialVictim', 'needsCommunicationHelp', 'communicationAid'],
  ['exploitation', 'takenSomewhere', 'journeyDetails'],
  ['exploitation', 'futureRisk', 'futureRiskReasons'],
  ['exploitation.exploiters', 'locationKnown', 'locationDetails'],
  ['exploitation.exploiters', 'locationKnown', 'inUk'],
  ['firstResponderAssessment', 'modernSlaveryIndicators', 'modernSlaveryIndicatorsDetails'],
  ['firstResponderAssessment', 'credibilityConcerns', 'credibilityConcernsDetails'],
  ['firstResponderAssessment', 'othersInvolved', 'othersInvolvedDetails'],
];

function formAnswerViolations(referral: Partial<Referral>): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const root = referral as unknown as Record<string, unknown>;
  const at = (path: string): Answers => path.split('.').reduce<Answers>((o, key) => part(o?.[key]), root);
  for (const [path, answer, details] of FOLLOW_UPS) {
    const o = at(path);
    if (!o) continue;
    if (o[answer] === true && !given(o[details])) violations.push({ path: `${path}.${details}`, message: `${details} is required when ${answer} is true` });
    if (o[answer] !== true && given(o[details])) violations.push({ path: `${path}.${details}`, message: `${details} is given only when ${answer} is true` });
  }
  const contact = at('potentialVictim.contact');
  if (contact) {
    if (given(contact.alternativePhone) && !given(contact.alternativePhoneRelation)) {
      violations.push({
        path: 'potentialVictim.contact.alternativePhoneRelation',
        message: 'alternativePhoneRelation is required with alternativePhone: whose number is it?',
      });
    }
    if (given(contact.noPhoneReason) && (given(contact.phone) || given(contact.alternativePhone))) {
      violations.push({
        path: 'potentialVictim.contact.noPhoneReason',
        message: 'noPhoneReason says why no phone number can be given: not with phone or alternativePhone',
      });
    }
    if (contact.safeToEmail !== undefined && !given(contact.email)) {
      violations.push({ path: 'potentialVictim.contact.safeToEmail', message: 'safeToEmail is about an email address: give contact.email' });
    }
    if (contact.safeToPost !== undefined && !given(contact.address) && !(given(contact.street) && given(contact.town) && given(contact.postcode))) {
      violations.push({ path: 'potentialVictim.contact.safeToPost', message: 'safeToPost is about a postal address: give contact.street, town and postcode' });
    }
  }
  const recipient = at('decisionRecipient');
  if (recipient) {
    if (referral.kind === 'dtn') violations.push({ path: 'decisionRecipient', message: 'a Duty to Notify notification has no decision to send' });
    if (recipient.permissionGiven !== true) {
      violations.push({
        path: 'decisionRecipient.permissionGiven',
        message: "the decision is sent to someone else only with the potential victim's permission: permissionGiven must be true",
      });
    }
    if (!given(recipient.email) && !(given(recipient.street) && given(recipient.town) && given(recipient.postcode))) {
      violations.push({ path: 'decisionRecipient', message: 'decisionRecipient needs an email, or a street, town and postcode' });
    }
  }
  if (given(root.declinedNrmReason) && referral.kind !== 'dtn') {
    violations.push({ path: 'declinedNrmReason', message: 'declinedNrmReason is for an adult who declined the NRM (kind "dtn")' });
  }
  return violations;
}

/** `types` and `homeOfficeTypes` together must say the same: the statistics types are those the detailed ones imply. */
function typesAgreementViolations(exploitation: { types?: readonly unknown[]; homeOfficeTypes?: readonly unknown[] } | undefined): FieldViolation[] {
  if (!Array.isArray(exploitation?.types) || !Array.isArray(exploitation.homeOfficeTypes) || !exploitation.homeOfficeTypes.length) return [];
  const implied = statisticsTypesOf(exploitation.homeOfficeTypes);
  const given = new Set(exploitation.types);
  if (given.size === implied.length && implied.every((t) => given.has(t))) return [];
  return [
    {
      path: 'exploitation.types',
      message: `types must be the statistics types that homeOfficeTypes imply (${implied.join(', ')}), or be left out to follow from them`,
    },
  ];
}
