import type { CaseRecord } from '@app/case-systems';
import { ageOn } from '@app/domain';
import type { DirectReferralWrite } from '@app/database';

/**
 * A modern-slavery record a practitioner entered directly in AIS or LCS, as a referral to count; null for any other
 * record. A record the hub's own delivery created is its referral's (counted there), and a transfer in from LCS
 * continues the child's case: neither is a referral of its own.
 */
export function directReferralOf(record: CaseRecord): DirectReferralWrite | null {
  const facts = record.referralFacts;
  if (!facts?.modernSlavery || record.source !== 'practitioner' || record.clientReference || facts.transferredIn) return null;
  const age = record.dateOfBirth ? ageOn(record.dateOfBirth, record.referralDate) : undefined;
  return {
    system: record.system,
    recordId: record.recordId,
    recordVersion: record.version,
    referredOn: record.referralDate,
    kind: facts.kind,
    nrmReference: facts.nrmReference,
    anonymous: countsAsNoOne(record),
    // MSA 2015 s.51: children's services hold the case of someone who may be a child; adults' services an adult.
    under18: record.system === 'LCS' ? 'yes' : 'no',
    ageDisputed: facts.ageDisputed,
    ageNowBand: age === undefined ? null : age < 18 ? 'child' : 'adult',
    gender: record.sex,
    nationality: record.nationality ?? 'UNK',
    secondNationality: facts.secondNationality,
    exploitationTypes: facts.exploitationTypes,
    exploitationLocation: facts.exploitationLocation,
    // A practitioner of the council entered it: the council is the first responder unless the record says who reported it.
    organisationType: facts.organisationType ?? 'local_authority',
  };
}

/**
 * Whether a direct entry counts as no individual. Only an anonymous Duty to Notify notification does (MSA 2015
 * s.52(3): an adult who does not consent to an NRM referral may be notified without their name), as a hub referral
 * counts. A record with nothing that identifies its subject is never matched to a person; but a child's contact in
 * LCS (a child is never notified under the duty, always referred) or an AIS concern recorded as an NRM referral is
 * still someone: an individual of their own, as a hub referral without a name is. An AIS concern of no recorded
 * kind with nothing identifying is taken as a notification.
 */
export function countsAsNoOne(record: CaseRecord): boolean {
  return record.anonymous && record.system === 'AIS' && record.referralFacts?.kind !== 'nrm';
}
