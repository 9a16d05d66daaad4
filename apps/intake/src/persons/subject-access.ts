/** One piece of a referral held back from a subject access export, and why. */
export interface Withheld {
  referralId: string;
  fields: string[];
  reason: string;
}

const RESPONDER_KEPT = new Set(['organisation', 'organisationType']);
const CONTACT_KEPT = new Set(['authority']);
const THIRD_PARTY = 'personal data of someone other than the requester (UK GDPR Art. 15(4); DPA 2018 Sch. 2 para. 16)';
const FREE_TEXT = 'free text that may name other people; released only after a person has read and redacted it';

/**
 * A subject access export gives the requester their own data, not other people's: from each referral it withholds
 * the first responder's contact details (name, role, email, phone, their own reference; the organisation stays), the
 * local authority contact's name, phone and email (the authority stays), and the narrative, which may name family,
 * exploiters or witnesses. It lists what it withheld from which referral, so the request's handler can say so and
 * release a redacted narrative by hand.
 */
export function withholdThirdParties(referrals: ReadonlyArray<Record<string, unknown>>): { referrals: Array<Record<string, unknown>>; withheld: Withheld[] } {
  const withheld: Withheld[] = [];
  const kept = referrals.map((referral) => {
    const details = referral.details;
    if (!details || typeof details !== 'object') return { ...referral };
    const copy: Record<string, unknown> = { ...(details as Record<string, unknown>) };
    const thirdParty: string[] = [];
    for (const [section, keep] of [['firstResponder', RESPONDER_KEPT], ['localAuthorityContact', CONTACT_KEPT]] as const) {
      const value = copy[section];
      if (!value || typeof value !== 'object') continue;
      const part: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        if (keep.has(key)) part[key] = v;
        else thirdParty.push(`${section}.${key}`);
      }
      copy[section] = part;
    }
    const id = String(referral.id);
    if (thirdParty.length > 0) withheld.push({ referralId: id, fields: thirdParty, reason: THIRD_PARTY });
    if (typeof copy.narrative === 'string' && copy.narrative.trim() !== '') {
      delete copy.narrative;
      withheld.push({ referralId: id, fields: ['narrative'], reason: FREE_TEXT });
    }
    return { ...referral, details: copy };
  });
  return { referrals: kept, withheld };
}
