import { FREE_TEXT_ANSWERS } from '@app/domain';

/** One piece of a referral held back from a subject access export, and why. */
export interface Withheld {
  referralId: string;
  fields: string[];
  reason: string;
}

const THIRD_PARTY = 'personal data of someone other than the requester (UK GDPR Art. 15(4); DPA 2018 Sch. 2 para. 16)';
const FREE_TEXT = 'free text that may name other people; released only after a person has read and redacted it';

/**
 * Other people's details in a referral: each section with the parts of it that are not about a person (kept), or a
 * single field (nothing kept). The first responder and the council contact are named professionals; the person
 * the NRM decision may be sent to, and whoever answers an alternative phone, are third parties too.
 */
const THIRD_PARTY_SECTIONS: ReadonlyArray<{ path: string; keep: ReadonlySet<string> }> = [
  { path: 'firstResponder', keep: new Set(['organisation', 'organisationType', 'reportMadeIn']) },
  { path: 'localAuthorityContact', keep: new Set(['authority']) },
  { path: 'decisionRecipient', keep: new Set(['permissionGiven']) },
];
const THIRD_PARTY_FIELDS = ['potentialVictim.contact.alternativePhone', 'potentialVictim.contact.alternativePhoneRelation'];

/** The object at `path` inside `root`, copied on the way so the caller's record is never changed; null if absent. */
function ownedObjectAt(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | null {
  let node = root;
  for (const key of path) {
    const next = node[key];
    if (!next || typeof next !== 'object' || Array.isArray(next)) return null;
    const copy = { ...(next as Record<string, unknown>) };
    node[key] = copy;
    node = copy;
  }
  return node;
}

/** Removes the field at a dotted path if it holds something; true when it did. */
function take(root: Record<string, unknown>, dotted: string): boolean {
  const path = dotted.split('.');
  const parent = ownedObjectAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (!parent || parent[key] === undefined || parent[key] === null || parent[key] === '') return false;
  Reflect.deleteProperty(parent, key);
  return true;
}

/**
 * A subject access export gives the requester their own data, not other people's. From each referral it withholds
 * other people's details (the first responder's and the council contact's names and contact details — the
 * organisation and authority stay —, the person a decision may be sent to, an alternative phone's owner) and every
 * free-text answer, which may name family, exploiters, witnesses or other victims. It lists what it withheld from
 * which referral, so the request's handler can say so and release redacted text by hand.
 */
export function withholdThirdParties(referrals: ReadonlyArray<Record<string, unknown>>): { referrals: Array<Record<string, unknown>>; withheld: Withheld[] } {
  const withheld: Withheld[] = [];
  const kept = referrals.map((referral) => {
    const details = referral.details;
    if (!details || typeof details !== 'object') return { ...referral };
    const copy: Record<string, unknown> = { ...(details as Record<string, unknown>) };
    const thirdParty: string[] = [];
    for (const { path, keep } of THIRD_PARTY_SECTIONS) {
      const section = ownedObjectAt(copy, path.split('.'));
      for (const key of Object.keys(section ?? {})) if (!keep.has(key) && take(copy, `${path}.${key}`)) thirdParty.push(`${path}.${key}`);
    }
    for (const field of THIRD_PARTY_FIELDS) if (take(copy, field)) thirdParty.push(field);
    const freeText = FREE_TEXT_ANSWERS.filter((field) => take(copy, field));
    const id = String(referral.id);
    if (thirdParty.length > 0) withheld.push({ referralId: id, fields: thirdParty, reason: THIRD_PARTY });
    if (freeText.length > 0) withheld.push({ referralId: id, fields: freeText, reason: FREE_TEXT });
    return { ...referral, details: copy };
  });
  return { referrals: kept, withheld };
}

/** Free-text columns of the other records an export carries, by the export's name for them. */
const FREE_TEXT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  // Where the person's children are, and why the person declined the NRM: in the person's or a worker's words.
  circumstances: ['children_where', 'declined_nrm_reason'],
  // A worker's note on closing a children's services prompt.
  childrenPrompts: ['note'],
};

/**
 * The free text of the records beside the referrals (circumstances, children's services prompts), withheld as a
 * referral's free-text answers are, and listed the same way, so that the export's `withheld` covers all of it.
 */
export function withholdFreeTextColumns(held: Record<string, unknown[]>): { held: Record<string, unknown[]>; withheld: Withheld[] } {
  const withheld: Withheld[] = [];
  const out: Record<string, unknown[]> = { ...held };
  for (const [part, columns] of Object.entries(FREE_TEXT_COLUMNS)) {
    const rows = held[part] as Array<Record<string, unknown>> | undefined;
    if (!rows) continue;
    out[part] = rows.map((row) => {
      const copy = { ...row };
      const taken = columns.filter((c) => copy[c] !== undefined && copy[c] !== null && copy[c] !== '' && Reflect.deleteProperty(copy, c));
      if (taken.length > 0) withheld.push({ referralId: String(row.referral_id), fields: taken.map((c) => `${part}.${c}`), reason: FREE_TEXT });
      return copy;
    });
  }
  return { held: out, withheld };
}
