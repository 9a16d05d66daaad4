import { parseIsoDate } from './dates';

/**
 * Counting one referral once. A referral episode is one NRM referral or Duty to Notify notification however many
 * records hold it: the hub's referral (and the case record its delivery created), or a record a practitioner
 * entered directly in AIS or LCS. A record entered again by hand for a referral already held joins that episode.
 */
export type EpisodeSource = 'referral_hub' | 'ais' | 'lcs';

/** One record that may be, or join, an episode. */
export interface EpisodeEntry {
  /** `referral:<uuid>` for a hub referral, `AIS:<record id>` / `LCS:<record id>` for a direct entry. */
  readonly key: string;
  readonly source: EpisodeSource;
  /** YYYY-MM-DD: the UK day the referral was received. */
  readonly referredOn: string;
  /** The Home Office NRM/DtN reference as recorded, if any. */
  readonly nrmReference: string | null;
}

export type EpisodeRule = 'same_reference' | 'window';

export interface EpisodeJoin {
  /** The key of the episode's first record, which the entry joins. */
  readonly joins: string;
  readonly rule: EpisodeRule;
  /** In words, for the safeguarding lead. */
  readonly reason: string;
}

export interface EpisodeRules {
  /** Records of one person from different sources within this many days are one referral. */
  readonly windowDays: number;
}

export const DEFAULT_EPISODE_WINDOW_DAYS = 30;

const SOURCE_NAMES: Readonly<Record<EpisodeSource, string>> = {
  referral_hub: 'Referral Hub',
  ais: 'AIS',
  lcs: 'LCS',
};

/**
 * A reference as compared: letters and digits only, upper case, so "nrm 12-345" and "NRM12345" are one reference.
 * Null when nothing is left.
 */
export function nrmReferenceKey(reference: string | null | undefined): string | null {
  const key = (reference ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return key.length ? key : null;
}

function daysBetween(a: string, b: string): number {
  const day = (v: string): number => {
    const d = parseIsoDate(v);
    if (!d) throw new RangeError(`not a calendar date: ${v}`);
    return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
  };
  return Math.abs(day(a) - day(b));
}

// Among equals, the earlier record and the hub's own are the episode's first: the hub holds the referral itself.
function earliestFirst(a: EpisodeEntry, b: EpisodeEntry): number {
  return a.referredOn.localeCompare(b.referredOn) || Number(b.source === 'referral_hub') - Number(a.source === 'referral_hub') || a.key.localeCompare(b.key);
}

/**
 * Which episode a directly entered record belongs to, among the episodes already counted (`heads`: never records
 * that joined another). `sameReference` are the heads with the entry's reference, whoever they are linked to (a
 * Home Office reference names one referral); `samePerson` are the heads of the entry's person.
 *
 * 1. The same Home Office reference: one referral, whatever the dates or sources.
 * 2. Otherwise the same person, recorded from a different source within the window, and no two different
 *    references: one referral recorded twice (in the hub and again by hand, or in both case systems). The nearest
 *    in time is joined.
 * Either way an entry joins only an episode that comes before it (`earliestFirst`), or a hub referral, which is
 * never joined: so a referral is counted by the day it was first recorded, and a record dated later never moves a
 * referral already counted into a later period (a quarter once published stays as published).
 * Null: the entry is an episode of its own.
 */
export function episodeOf(
  entry: EpisodeEntry,
  sameReference: readonly EpisodeEntry[],
  samePerson: readonly EpisodeEntry[],
  rules: EpisodeRules,
): EpisodeJoin | null {
  if (entry.source === 'referral_hub') return null;
  const key = nrmReferenceKey(entry.nrmReference);
  const others = (list: readonly EpisodeEntry[]): EpisodeEntry[] =>
    list.filter((c) => c.key !== entry.key && (c.source === 'referral_hub' || earliestFirst(c, entry) < 0));

  if (key) {
    const same = others(sameReference)
      .filter((c) => nrmReferenceKey(c.nrmReference) === key)
      .sort(earliestFirst)
      .at(0);
    if (same) {
      return {
        joins: same.key,
        rule: 'same_reference',
        reason: `The same Home Office reference as the ${SOURCE_NAMES[same.source]} record of ${dateInWords(same.referredOn)}.`,
      };
    }
  }

  const near = others(samePerson)
    .filter((c) => c.source !== entry.source)
    .filter((c) => daysBetween(c.referredOn, entry.referredOn) <= rules.windowDays)
    .filter((c) => {
      const other = nrmReferenceKey(c.nrmReference);
      return !key || !other || other === key;
    })
    .sort((a, b) => daysBetween(a.referredOn, entry.referredOn) - daysBetween(b.referredOn, entry.referredOn) || earliestFirst(a, b))
    .at(0);
  if (!near) return null;
  const days = daysBetween(near.referredOn, entry.referredOn);
  return {
    joins: near.key,
    rule: 'window',
    reason:
      `The same person, recorded in ${SOURCE_NAMES[near.source]} on ${dateInWords(near.referredOn)} and in ${SOURCE_NAMES[entry.source]} ` +
      `${days === 0 ? 'the same day' : `${days} day${days === 1 ? '' : 's'} apart`} (within ${rules.windowDays} days), with no different Home Office reference.`,
  };
}

/**
 * Every direct entry of one person decided as reconsidering the person's entries decides them one after another
 * (oldest first, then by key: `EpisodeRepository.reconsiderPerson`), for entries that are all new, none with a
 * Home Office reference, of a person with no hub referral: `episodeOf` against the person's heads as they stand at
 * each step, and when an entry joins another, those that had joined it follow (episodes never chain). Answers the
 * entries that end up joined, with the episode each joins and the rule and reason of its own decision. The
 * backlog linker decides a first connection's persons with this in memory instead of a dozen round trips each.
 */
export function episodesOfNewPerson(entries: readonly EpisodeEntry[], rules: EpisodeRules): Map<string, EpisodeJoin> {
  const ordered = [...entries].sort((a, b) => a.referredOn.localeCompare(b.referredOn) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const joins = new Map<string, EpisodeJoin>();
  for (const entry of ordered) {
    if (nrmReferenceKey(entry.nrmReference)) throw new RangeError('an entry with a Home Office reference is decided against every record with it');
    const heads = ordered.filter((e) => !joins.has(e.key));
    const join = episodeOf(entry, [], heads, rules);
    if (!join) {
      joins.delete(entry.key);
      continue;
    }
    joins.set(entry.key, join);
    for (const [key, other] of joins) if (other.joins === entry.key) joins.set(key, { ...other, joins: join.joins });
  }
  return joins;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A reason is read by the lead on the data-quality page: "6 December 2026", as the pages write dates. */
function dateInWords(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
