import type { RecordView } from '../persons/person.presenter';
import type { PersonSearch } from '@app/database';
import { longDate, parseTypedDate } from '@app/web';
import { countryName, historyReason, sexText } from './plain-words';
import { KIND_NAMES, SYSTEM_NAMES, TRANSITION_REASONS } from './referral-pages.presenter';
import { percent } from './review-pages.presenter';

/** The person timeline as PersonReviewService.timeline answers it. */
export interface PersonTimeline {
  id: string;
  mergedInto: string | null;
  records: RecordView[];
  referrals: Array<{
    id: string;
    reference: string;
    kind: 'nrm' | 'dtn';
    referredAt: string;
    route: { system: string; reason: string };
    caseRecord: { system: string; recordId: string } | null;
    transitions: Array<{
      reason: string;
      from: { system: string; recordId: string };
      to: { system: string; recordId: string | null };
      effectiveOn: string;
      status: string;
    }>;
  }>;
  history: Array<{
    id: string;
    record: { system: string; recordId: string };
    action: string;
    personBefore: string | null;
    personAfter: string | null;
    actor: string;
    reason: string | null;
    probability: number | null;
    at: string;
  }>;
}

const ACTIONS: Record<string, string> = {
  linked: 'Linked by the matching engine',
  relinked: 'Checked again by the matching engine: same person',
  moved: 'Moved to another person by the matching engine',
  review: 'Held for review: a possible match',
  new_person: 'A new person for this record',
  linked_by_transfer: "Linked through a move between children's and adults' services",
  record_updated: 'Record updated in its case system',
  review_match: 'Reviewer: the same person',
  review_not_a_match: 'Reviewer: not a match',
  merge: 'Merged by a reviewer',
  unmerge: 'Taken out by a reviewer',
  anonymised: 'Details removed at the end of the retention period',
};

interface TimelineEvent {
  at: string;
  title: string;
  text: string;
  href?: string;
}

const TRANSITION_STATUS: Record<string, string> = { pending: 'under way', completed: 'done', failed: 'not done yet: it is being tried again' };

const MOVE_DIRECTIONS: Readonly<Record<string, string>> = {
  'LCS>AIS': "from children's to adults' services",
  'AIS>LCS': "from adults' to children's services",
};

/**
 * "moved from adults' to children's services 1 time": a person's moves, each direction counted apart (turning 18
 * moves a case to adults' services, an age assessment moves it either way), and a move not yet done said as under
 * way rather than counted as made. Undefined when there was none.
 */
export function movesSummary(transitions: ReadonlyArray<{ from: { system: string }; to: { system: string }; status: string }>): string | undefined {
  const made = new Map<string, number>();
  const underWay = new Set<string>();
  for (const t of transitions) {
    const way = MOVE_DIRECTIONS[`${t.from.system}>${t.to.system}`] ?? `from ${t.from.system} to ${t.to.system}`;
    if (t.status === 'completed') made.set(way, (made.get(way) ?? 0) + 1);
    else underWay.add(way);
  }
  const counted = [...made].map(([way, n]) => `${way} ${n} time${n === 1 ? '' : 's'}`);
  const parts = [...(counted.length ? [`moved ${counted.join(' and ')}`] : []), ...[...underWay].map((way) => `a move ${way} under way`)];
  return parts.length ? parts.join('; ') : undefined;
}

/** "Arta Hoxha, born 12 March 1994": what a person is called on a page, from their records (never an id). */
export function personTitle(records: readonly RecordView[]): string {
  // A case system that writes family names in capitals (OKORO) does not make the heading shout.
  const calm = (part: string | null) =>
    part && /^[^a-z]+$/.test(part) && part.length > 1 ? part.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (c) => c.toUpperCase()) : part;
  const names = records.map((r) => [r.firstName, r.middleNames, r.lastName].map(calm).filter(Boolean).join(' ')).filter(Boolean);
  // The name most of their records give, then the first given.
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const name = [...counts.entries()].sort((a, b) => b[1] - a[1]).at(0)?.[0];
  const born = records.find((r) => r.dateOfBirth)?.dateOfBirth;
  if (!name && !born) return 'A person with no name or date of birth recorded';
  return [name ?? 'No name recorded', born ? `born ${longDate(born)}` : undefined].filter(Boolean).join(', ');
}

/**
 * Their referral references, oldest first (as the timeline reads; references are issued in order of receipt), and
 * case records, to tell two persons of one name apart.
 */
export function personReferences(person: Pick<PersonTimeline, 'records' | 'referrals'>): string[] {
  return [...oldestFirst(person.referrals.map((r) => r.reference)), ...person.records.map((r) => `${r.system} record ${r.recordId}`)];
}

function oldestFirst(references: readonly string[]): string[] {
  return [...references].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Records in both systems, and one timeline of referrals, moves between LCS and AIS, and link decisions. */
/**
 * A person's timeline as the page shows it. `directEntries`: which of their records a practitioner entered directly
 * (`system:recordId`, with whether each is counted with another referral now), offered to split or join.
 */
export function personView(person: PersonTimeline, directEntries: ReadonlyMap<string, { joined: boolean }> = new Map()): Record<string, unknown> {
  const events: TimelineEvent[] = [];
  for (const r of person.referrals) {
    const record = r.caseRecord ? `; its case record is now ${r.caseRecord.system} record ${r.caseRecord.recordId}` : '';
    events.push({
      at: r.referredAt,
      title: `${KIND_NAMES[r.kind]} ${r.reference}`,
      text: `Referred and sent to ${SYSTEM_NAMES[r.route.system] ?? r.route.system}${record}.`,
      href: `/referrals/${r.id}`,
    });
    for (const t of r.transitions) {
      events.push({
        at: t.effectiveOn,
        title: `Moved from ${t.from.system} to ${t.to.system}`,
        text: `${TRANSITION_REASONS[t.reason] ?? 'Moved'}: ${t.from.system} record ${t.from.recordId} to ${t.to.system}${t.to.recordId ? ` record ${t.to.recordId}` : ''} (${TRANSITION_STATUS[t.status] ?? t.status}).`,
      });
    }
  }
  for (const h of person.history) {
    const reason = historyReason(h.actor, h.reason, h.record.system);
    const chance = h.probability !== null && !h.actor.startsWith('reviewer:') ? ` Chance of the same person: ${percent(h.probability)}.` : '';
    events.push({
      at: h.at,
      title: ACTIONS[h.action] ?? 'Link changed',
      text: `${h.record.system} record ${h.record.recordId}${reason ? `: ${reason}` : ''}.${chance}`,
    });
  }
  // Oldest first; a move known only by its day comes after that day's timed events.
  const key = (at: string) => (at.length === 10 ? `${at}T24` : new Date(at).toISOString());
  events.sort((a, b) => (key(a.at) < key(b.at) ? -1 : key(a.at) > key(b.at) ? 1 : 0));
  return {
    title: person.mergedInto ? 'Merged into another person' : personTitle(person.records),
    pageTitle: 'Person',
    references: personReferences(person),
    person,
    systems: [...new Set(person.records.map((r) => r.system))].sort(),
    moves: movesSummary(person.referrals.flatMap((r) => r.transitions)),
    records: person.records.map((r) => ({
      ...r,
      name: [r.firstName, r.middleNames, r.lastName].filter(Boolean).join(' '),
      dateOfBirthText: r.dateOfBirth ? `${longDate(r.dateOfBirth)}${r.dateOfBirthEstimated ? ' (estimated)' : ''}` : '',
      sexText: sexText(r.sex),
      nationalityText: countryName(r.nationality),
      referralDateText: longDate(r.referralDate ?? ''),
      counting: countingLinks(r.system, r.recordId, directEntries.get(`${r.system}:${r.recordId}`)),
    })),
    events,
  };
}

/** The split and join pages of a record entered directly (split only when it is counted with another referral now). */
function countingLinks(system: string, recordId: string, entry: { joined: boolean } | undefined): { join: string; split?: string } | undefined {
  if (!entry) return undefined;
  const base = `/episodes/${system}/${encodeURIComponent(recordId)}`;
  return { join: `${base}/join?back=person`, ...(entry.joined ? { split: `${base}/split?back=person` } : {}) };
}

const DATE_IN_TEXT = /\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})\b/;
const REFERENCE_IN_TEXT = /\bRH-\d{4}-\d{1,6}\b/i;
/**
 * A case record number as the case systems write them: AIS concerns SC-000060, LCS children LCS-000042 (six digits
 * at least, zero-padded; the AIS and LCS schemas' id functions), and LCS contacts plain numbers such as 400012.
 */
const CASE_RECORD_NUMBER = /^(SC|LCS)-?(\d+)$/i;

/**
 * What a reviewer typed to find a person, in parts: a referral reference (RH-2026-000123), a date of birth as
 * people write it (12/3/1994, 12 March 1994), a case record id (digits), and the rest as parts of a name. Undefined
 * when nothing was typed.
 */
export function personSearch(typed: string): PersonSearch | undefined {
  let rest = typed.trim().slice(0, 200);
  if (!rest) return undefined;
  const search: PersonSearch = { nameParts: [] };
  const reference = REFERENCE_IN_TEXT.exec(rest);
  if (reference) {
    search.reference = reference[0].toUpperCase();
    rest = rest.replace(reference[0], ' ');
  }
  const date = DATE_IN_TEXT.exec(rest);
  const dateOfBirth = date ? parseTypedDate(date[1].replace(/\s+/g, ' ')) : undefined;
  if (date && dateOfBirth) {
    search.dateOfBirth = dateOfBirth;
    rest = rest.replace(date[0], ' ');
  }
  for (const part of rest.split(/[\s,]+/).filter(Boolean)) {
    const record = CASE_RECORD_NUMBER.exec(part);
    if (record && !search.reference) search.reference = `${record[1].toUpperCase()}-${record[2].padStart(6, '0')}`;
    else if (/^\d+$/.test(part) && !search.reference) search.reference = part;
    else search.nameParts.push(part);
  }
  return search;
}

/** A person found by a search, as a line a reviewer can choose from. */
export function foundPersonView(person: { id: string; records: RecordView[]; references: string[] }): Record<string, unknown> {
  return {
    id: person.id,
    title: personTitle(person.records),
    references: [...oldestFirst(person.references), ...person.records.map((r) => `${r.system} record ${r.recordId}`)],
  };
}
