import type { RecordView } from '../persons/person.presenter';
import { KIND_NAMES, TRANSITION_REASONS } from './referral-pages.presenter';
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
    transitions: Array<{ reason: string; from: { system: string; recordId: string }; to: { system: string; recordId: string | null }; effectiveOn: string; status: string }>;
  }>;
  history: Array<{ id: string; record: { system: string; recordId: string }; action: string; personBefore: string | null; personAfter: string | null; actor: string; reason: string | null; probability: number | null; at: string }>;
}

const ACTIONS: Record<string, string> = {
  linked: 'Linked by the matching engine',
  relinked: 'Checked again by the matching engine: same person',
  moved: 'Moved to another person by the matching engine',
  review: 'Held for review: a possible match',
  new_person: 'A new person for this record',
  linked_by_transfer: "Linked through the move to adults' services",
  record_updated: 'Record updated in its case system',
  review_match: 'Reviewer: the same person',
  review_not_a_match: 'Reviewer: not a match',
  merge: 'Merged by a reviewer',
  unmerge: 'Taken out by a reviewer',
  anonymised: 'Anonymised (retention)',
};

interface TimelineEvent {
  at: string;
  title: string;
  text: string;
  href?: string;
}

/** Records in both systems, and one timeline of referrals, moves from LCS to AIS, and link decisions. */
export function personView(person: PersonTimeline): Record<string, unknown> {
  const events: TimelineEvent[] = [];
  for (const r of person.referrals) {
    const record = r.caseRecord ? `; its case record is ${r.caseRecord.system} ${r.caseRecord.recordId}` : '';
    events.push({ at: r.referredAt, title: `${KIND_NAMES[r.kind]} ${r.reference}`, text: `Referred and routed to ${r.route.system}${record}.`, href: `/referrals/${r.id}` });
    for (const t of r.transitions) {
      events.push({
        at: t.effectiveOn,
        title: `Moved from ${t.from.system} to ${t.to.system}`,
        text: `${TRANSITION_REASONS[t.reason] ?? t.reason}: ${t.from.system} record ${t.from.recordId} to ${t.to.system}${t.to.recordId ? ` record ${t.to.recordId}` : ''} (${t.status}).`,
      });
    }
  }
  for (const h of person.history) {
    events.push({ at: h.at, title: ACTIONS[h.action] ?? h.action, text: `${h.record.system} record ${h.record.recordId}${h.reason ? `: ${h.reason}` : ''}${h.probability !== null ? ` (probability ${percent(h.probability)})` : ''}.` });
  }
  // Oldest first; a move known only by its day comes after that day's timed events.
  const key = (at: string) => (at.length === 10 ? `${at}T24` : new Date(at).toISOString());
  events.sort((a, b) => (key(a.at) < key(b.at) ? -1 : key(a.at) > key(b.at) ? 1 : 0));
  const transitions = person.referrals.flatMap((r) => r.transitions);
  return {
    title: 'Person',
    person,
    systems: [...new Set(person.records.map((r) => r.system))].sort(),
    transitions,
    records: person.records.map((r) => ({
      ...r,
      name: [r.firstName, r.middleNames, r.lastName].filter(Boolean).join(' '),
    })),
    events,
  };
}
