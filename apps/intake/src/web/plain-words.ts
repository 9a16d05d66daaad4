import { countryByAlpha3 } from '@app/countries';
import { parseIsoDate } from '@app/domain';
import { foldText } from '@app/matching';

/**
 * The matching engine's terms in the words of a social worker: each comparison as a sentence about the two records,
 * each rule as the reason a person is asked. The engine keeps its own identifiers (stored in explanations and the
 * link history); only the pages speak like this.
 */

export const COMPARISON_NAMES: Record<string, string> = {
  given_name: 'First name',
  family_name: 'Last name',
  middle_names: 'Middle names',
  full_name: 'Full name',
  date_of_birth: 'Date of birth',
  sex: 'Sex',
  nationality: 'Nationality',
  nhs_number: 'NHS number',
  other_id: 'Other reference number',
  postcode: 'Postcode',
  address: 'Address',
  aliases: 'Other names',
  age_at_referral: 'Age when referred',
};

const NAME_SENTENCES = (names: string, one: string): Record<string, string> => ({
  exact: `${names} are the same`,
  variant: `${names} are known forms of one name (another spelling or alphabet, a short form or a nickname)`,
  swapped: 'The first and last names are the other way round in one record',
  fuzzy: `${names} are spelt almost the same`,
  alias: `${names} are the same through another name one of them is known by`,
  token: `${names} share part of a name (a name in several parts, in another order, or a father's name)`,
  phonetic: `${names} sound alike but are spelt differently`,
  initial: `One record has only the first letter of the other's ${one}`,
  different: `${names} are different`,
});

const SENTENCES: Readonly<Partial<Record<string, Readonly<Partial<Record<string, string>>>>>> = {
  given_name: NAME_SENTENCES('First names', 'first name'),
  family_name: {
    ...NAME_SENTENCES('Last names', 'last name'),
    different_patronymic: "Last names are different, as can happen where a last name is a father's or grandfather's name",
  },
  middle_names: {
    exact: 'Middle names are the same',
    shared: 'The records share a middle name',
    fuzzy: 'Middle names differ by one typing slip',
    initial: "One record has only the initials of the other's middle names",
    different: 'Middle names are different',
  },
  date_of_birth: {
    exact: 'Dates of birth are the same',
    same_placeholder: 'Both dates of birth are 1 January of the same year, a date often written when only the year is known',
    day_month_swapped: 'Dates of birth have the day and the month the other way round',
    one_edit: 'Dates of birth differ by one typing slip',
    within_month: 'Dates of birth are less than a month apart',
    estimate_same_day: 'One date of birth is an estimate that falls on the same day as the other',
    same_year: 'One date of birth is an estimate (or 1 January) in the same year as the other',
    near_year: 'One date of birth is an estimate (or 1 January) a year from the other',
    two_years: 'One date of birth is an estimate (or 1 January) two years from the other',
    few_years: 'One date of birth is an estimate (or 1 January) three to five years from the other',
    different: 'Dates of birth are different, up to five years apart',
    far_apart: 'Dates of birth are more than five years apart',
  },
  sex: { agree: 'Sex is the same', different: 'Sex is different' },
  nationality: { agree: 'Nationality is the same', different: 'Nationalities are different' },
  nhs_number: { exact: 'NHS numbers are the same', different: 'NHS numbers are different' },
  other_id: {
    exact: 'Other reference numbers (such as a Home Office reference) are the same',
    cross_reference: "One record names the other as the record it was moved from (a move between children's and adults' services)",
    one_edit: 'Other reference numbers differ by one typing slip',
    two_edits: 'Other reference numbers differ by two typing slips',
    different: 'Other reference numbers are different',
  },
  postcode: {
    exact: 'Postcodes are the same',
    sector: 'Postcodes are in the same few streets (all but the last two characters are the same)',
    district: 'Postcodes are in the same district (the first half is the same)',
    different: 'Postcodes are different',
  },
  address: {
    exact: 'Addresses are the same',
    most_words: 'Most words of the addresses are the same',
    some_words: 'Some words of the addresses are the same',
    different: 'Addresses are different',
  },
  age_at_referral: {
    consistent: "Their ages when referred fit each other (a child in the children's system, an adult in the adults')",
    inconsistent: "Their ages when referred do not fit each other (for example, a date of birth that makes an adult for a record in the children's system)",
  },
};

/** What the sentence may say beyond the level: the two records' dates of birth and names as the reviewer sees them. */
export interface SentenceContext {
  readonly a?: string | null;
  readonly b?: string | null;
  /** One record has in its first-name field what the other has as its last name (or the other way round). */
  readonly namesReordered?: boolean;
}

const NAME_COMPARISONS = new Set(['given_name', 'family_name']);

/**
 * Whether one record holds its names the other way round from the other, as the side-by-side table shows them:
 * "Van Bao" / "Nguyen" against "Nguyen" / "Van Bao". The engine reads a name written family name first (Vietnamese,
 * Chinese) in that order, so it can find the first names the same where the table shows them different.
 */
export function namesReordered(
  a: { firstName?: string | null; lastName?: string | null } | null | undefined,
  b: { firstName?: string | null; lastName?: string | null } | null | undefined,
): boolean {
  if (!a || !b || foldText(a.firstName) === foldText(b.firstName)) return false;
  const across = (x: string | null | undefined, y: string | null | undefined) => foldText(x) !== '' && foldText(x) === foldText(y);
  return across(a.firstName, b.lastName) || across(a.lastName, b.firstName);
}

/** "Dates of birth are 1 day apart": a comparison as a sentence; the dates, when known, make a near date exact. */
export function comparisonSentence(comparison: string, level: string, context?: SentenceContext): string {
  const name = COMPARISON_NAMES[comparison] ?? 'This detail';
  if (level === 'missing') {
    // The engine compares ages when referred only where a date of birth is missing: with both, it is not needed.
    if (comparison === 'age_at_referral' && context?.a && context.b) {
      return `${name}: not needed, as both records give a date of birth, so it does not count either way`;
    }
    return `${name}: missing from one record or both, so it does not count either way`;
  }
  const sentence = SENTENCES[comparison]?.[level];
  if (sentence && context?.namesReordered && NAME_COMPARISONS.has(comparison) && level !== 'swapped' && level !== 'different') {
    return `${sentence}, reading one record's names the other way round (family name first, as the person's nationality writes names)`;
  }
  if (comparison === 'date_of_birth' && (level === 'within_month' || level === 'one_edit') && context?.a && context.b) {
    const days = daysApart(context.a, context.b);
    if (days !== undefined && days > 0 && days < 32) return `Dates of birth are ${days} day${days === 1 ? '' : 's'} apart`;
  }
  return sentence ?? `${name}: compared`;
}

function daysApart(a: string, b: string): number | undefined {
  const x = parseIsoDate(a);
  const y = parseIsoDate(b);
  if (!x || !y) return undefined;
  return Math.abs(Date.UTC(x.year, x.month - 1, x.day) - Date.UTC(y.year, y.month - 1, y.day)) / 86_400_000;
}

/** How a comparison's weight points, in words. */
export function direction(weight: number): { key: 'for' | 'against' | 'none'; text: string } {
  if (weight > 0) return { key: 'for', text: 'Points to the same person' };
  if (weight < 0) return { key: 'against', text: 'Points to different people' };
  return { key: 'none', text: 'Makes no difference' };
}

/** A rule that held a pair back from being linked on its own, as the reason a person is asked to decide. */
export function ruleSentence(rule: string): string {
  const [id, ...rest] = rule.split(': ');
  const detail = rest.join(': ');
  if (id === 'sibling_guard') return `Twins and siblings can look like this, so a person must decide: ${detail}.`;
  if (id === 'kept_apart') return 'Neither given name appears anywhere in the other record, nor is one a slip of the other: two people, so nobody is asked.';
  if (id === 'corroboration') return 'Only the names agree and nothing else speaks for a match, so a person must decide.';
  return detail ? `A rule held this back for a person to decide: ${detail}.` : 'A rule held this back for a person to decide.';
}

/** The case system's word for who entered a record. */
export function sourceText(source: string | null): string {
  if (source === 'referral_hub') return 'Sent from a referral in Referral Hub';
  if (source === 'practitioner') return 'A practitioner, directly in the case system';
  return source ?? '';
}

/** A nationality code as the country's name ("SDN" → "Sudan"). */
export function countryName(code: string | null): string {
  if (!code) return '';
  if (code === 'ZZZ' || code === 'UNK') return 'Not known';
  return countryByAlpha3(code)?.name ?? code;
}

export function sexText(sex: string | null): string {
  return sex ? sex.charAt(0).toUpperCase() + sex.slice(1).toLowerCase() : '';
}

// The engine's outcome of a linking run, as it writes it in the history.
const ENGINE_REASONS: Record<string, string> = {
  MATCH: 'the records agree closely enough to be linked without a reviewer',
  POSSIBLE_MATCH: "close to another person's records, so a reviewer is asked",
  NO_MATCH: "no other person's records are close",
  "a reviewer's decision stands": "a reviewer's decision stands, so the link was not changed",
};

// Reasons the pages write when a reviewer gives none: they name only ids, which say nothing to a person.
const DEFAULT_REVIEWER_REASONS = [
  /^reviewer confirmed the match$/,
  /^not person [0-9a-f-]{36}$/,
  /^taken out of person [0-9a-f-]{36}$/,
  /^merged from person [0-9a-f-]{36}$/,
];

// A move's history row is written on the record the case moved into, which names the one it came from: the
// record's own system says which way the case went (an age assessment moves a case either way).
const TRANSFER_REASONS: Readonly<Record<string, string>> = {
  AIS: "through the move from children's to adults' services",
  LCS: "through the move from adults' to children's services",
};

/**
 * The reason in a link history row, in words, or undefined when there is nothing to say. `system`: the case system
 * of the record the row is about.
 */
export function historyReason(actor: string, reason: string | null, system?: string): string | undefined {
  if (!reason) return undefined;
  if (actor.startsWith('reviewer:')) return DEFAULT_REVIEWER_REASONS.some((r) => r.test(reason)) ? undefined : `Reason given: ${reason}`;
  if (reason === 'transfer') return (system && TRANSFER_REASONS[system]) ?? "through a move between children's and adults' services";
  if (ENGINE_REASONS[reason]) return ENGINE_REASONS[reason];
  // An engine identifier with no words of its own is not shown.
  return /^[A-Za-z_]+$/.test(reason) ? undefined : reason;
}

/** A reviewer's own reason, or undefined when they gave none. */
export function reviewerReason(reason: string | null): string | undefined {
  return reason && !DEFAULT_REVIEWER_REASONS.some((r) => r.test(reason)) ? reason : undefined;
}
