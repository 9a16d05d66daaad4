import { checkReferralRules, mayBeChild, type Referral, type ReferralKind, type YesNoNotSure } from '@app/domain';

/**
 * The answers of the journey's first pages, kept in the page session until the details are sent. They say who
 * the referral is about in general terms only (age band, consent, co-operation): no name or date ever goes in
 * the session, so nothing personal is stored in Redis.
 */
export interface ReferralDraft {
  under18: YesNoNotSure;
  under18DuringExploitation?: YesNoNotSure;
  ageDisputed?: boolean;
  consentToNrm?: boolean;
  cooperatesWithAuthorities?: boolean;
}

declare module 'express-session' {
  interface SessionData {
    referralDraft: ReferralDraft;
    /** The details have been sent at least once, so the details page shows their problems. */
    referralDetailsSent: boolean;
    /** The Home Office form's further pages sent at least once, so each shows its problems. */
    referralQuestionsSent: string[];
    /**
     * The journey's own id, its Idempotency-Key when it is submitted: two Submits of one journey (a double click
     * without JavaScript, two tabs, a resent form) make one referral.
     */
    referralJourneyId: string;
    /** The referral this session submitted last, whose confirmation a repeated Submit shows again. */
    referralSubmitted: { journeyId: string; referralId: string };
  }
}

/** What the details page asks, decided by the domain's own rules rather than restated here. */
export interface DetailsShape {
  child: boolean;
  kind: ReferralKind;
  /** potentialVictim fields this referral must not carry (a Duty to Notify's withheld identity). */
  withheld: ReadonlySet<string>;
  needsLocalAuthorityContact: boolean;
  /** Co-operation is asked on the details page for children; adults answered it with consent. */
  asksCooperation: boolean;
}

// Every identity field, filled, to ask the rules which of them this referral may carry. The date of birth is an
// adult's, so that it never makes a probe about an adult look like a child.
const PROBE_VICTIM = {
  gender: 'female',
  nationality: 'GBR',
  firstName: 'probe',
  lastName: 'probe',
  aliases: ['probe'],
  dateOfBirth: '1950-01-01',
  dateOfBirthEstimated: false,
  nhsNumber: 'probe',
  homeOfficeReference: 'probe',
  contact: { email: 'probe' },
} as const;

/** True when the journey's answers say the potential victim may be a child (MSA 2015 s.51, as the router decides). */
export function isChild(draft: ReferralDraft, now = new Date()): boolean {
  return mayBeChild({ age: ageOf(draft), referredAt: now.toISOString() });
}

export function ageOf(draft: ReferralDraft): Referral['age'] {
  return {
    under18: draft.under18,
    ...(draft.under18DuringExploitation ? { under18DuringExploitation: draft.under18DuringExploitation } : {}),
    ...(draft.ageDisputed ? { ageDisputed: true } : {}),
  };
}

/**
 * A child is referred without consent; an adult who consents is an NRM referral, one who does not a Duty to
 * Notify notification (toolkit s.1). The rules below then say which identity fields the page may show.
 */
export function detailsShape(draft: ReferralDraft, now = new Date()): DetailsShape {
  const child = isChild(draft, now);
  const kind: ReferralKind = child || draft.consentToNrm === true ? 'nrm' : 'dtn';
  const probe = {
    kind,
    age: ageOf(draft),
    ...(child ? {} : { consentToNrm: draft.consentToNrm === true, cooperatesWithAuthorities: draft.cooperatesWithAuthorities === true }),
    potentialVictim: PROBE_VICTIM,
  } as unknown as Partial<Referral>;
  const violations = checkReferralRules(probe, now);
  const withheld = new Set(violations.filter((v) => v.path.startsWith('potentialVictim.')).map((v) => v.path.slice('potentialVictim.'.length)));
  return {
    child,
    kind,
    withheld,
    needsLocalAuthorityContact: violations.some((v) => v.path === 'localAuthorityContact'),
    asksCooperation: child,
  };
}

/** The journey's next page after the age question. */
export function afterAge(draft: ReferralDraft): string {
  return isChild(draft) ? '/referrals/new/details' : '/referrals/new/consent';
}

/**
 * The kept details answers that still belong on the details page after an earlier answer changed (an adult who no
 * longer consents is asked no name; a child no longer one is asked no local-authority contact). What the page no
 * longer shows is dropped rather than sent unseen.
 */
export function answersFor(shape: DetailsShape, form: Record<string, string | string[] | undefined>): Record<string, string | string[] | undefined> {
  const kept = (name: string): boolean => {
    if (name.startsWith('localAuthorityContact.')) return shape.needsLocalAuthorityContact;
    if (name === 'cooperatesWithAuthorities') return shape.asksCooperation;
    if (!name.startsWith('potentialVictim.')) return true;
    const field = name.slice('potentialVictim.'.length).split(/[.-]/)[0];
    return !shape.withheld.has(field);
  };
  return Object.fromEntries(Object.entries(form).filter(([name]) => kept(name)));
}
