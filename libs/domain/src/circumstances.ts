import { mayBeChild } from './age-route';
import type { NrmReferralFacts } from './nrm-case';
import type { AgeAnswers, FieldViolation } from './referral';
import { refuseRecordedDay } from './recorded-day';

/**
 * The people and places around the potential victim, recorded after the referral as the Home Office form asks:
 * whether they want support, their children (how many, where), where they are now (which decides the responsible
 * council), and, for an adult who declined the NRM, why.
 */
export interface Circumstances {
  readonly wantsSupport?: 'yes' | 'no' | 'not_known';
  readonly hasChildren?: 'yes' | 'no' | 'not_known';
  readonly childrenCount?: number;
  readonly childrenWhere?: string;
  readonly currentTown?: string;
  readonly currentLocalAuthority?: string;
  readonly declinedNrmReason?: string;
}

/** Support services a person can be referred to after an NRM referral. */
export const SUPPORT_SERVICES = ['msvcc', 'local_service', 'ictg'] as const;
export type SupportService = (typeof SUPPORT_SERVICES)[number];

export interface SupportReferral {
  readonly service: string;
  readonly provider: string;
  readonly referredOn: string;
}

function referredAsChild(referral: NrmReferralFacts): boolean {
  return mayBeChild({
    age: { under18: referral.under18 as AgeAnswers['under18'], ageDisputed: referral.ageDisputed },
    dateOfBirth: referral.dateOfBirth ?? undefined,
    referredAt: referral.referredOn,
  });
}

/** What cannot be recorded about this referral, each naming its field. */
export function checkCircumstances(referral: NrmReferralFacts, c: Circumstances): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (c.hasChildren === 'yes' && c.childrenCount === undefined)
    violations.push({ path: 'childrenCount', message: 'childrenCount is required when hasChildren is yes' });
  if (c.hasChildren !== 'yes' && (c.childrenCount !== undefined || c.childrenWhere !== undefined)) {
    violations.push({
      path: c.childrenCount !== undefined ? 'childrenCount' : 'childrenWhere',
      message: 'children are described only when hasChildren is yes',
    });
  }
  // The form asks an adult who does not consent why; a child is referred without consent (MSA 2015 s.51/s.52).
  if (c.declinedNrmReason !== undefined && (referral.kind !== 'dtn' || referredAsChild(referral))) {
    violations.push({ path: 'declinedNrmReason', message: 'declinedNrmReason is for an adult who declined the NRM (a Duty to Notify notification)' });
  }
  return violations;
}

/**
 * An adult with children of their own: the council's children's services should be told (Children Act 1989 s.47
 * duties follow the children, not the adult's case). A child's own children are already in LCS's sight.
 */
export function needsChildrensServicesPrompt(referral: NrmReferralFacts, c: Circumstances): boolean {
  return c.hasChildren === 'yes' && !referredAsChild(referral);
}

/** What cannot be recorded about a referral to a support service, each naming its field. */
export function checkSupportReferral(referral: NrmReferralFacts, s: SupportReferral, today: string): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (s.service === 'ictg' && !referredAsChild(referral)) {
    violations.push({ path: 'service', message: 'an Independent Child Trafficking Guardian is for a person referred as a child' });
  }
  if (s.service === 'msvcc' && referredAsChild(referral)) {
    violations.push({ path: 'service', message: "the Modern Slavery Victim Care Contract supports adults; a child is supported by children's services" });
  }
  violations.push(...refuseRecordedDay('referredOn', s.referredOn, { today, referredOn: referral.referredOn }));
  return violations;
}
