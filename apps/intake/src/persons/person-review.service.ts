import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { ConflictError, NotFoundError } from '@app/common';
import type { Environment } from '@app/config';
import {
  EpisodeRepository,
  PersonIndexRepository,
  ReferralRepository,
  TransitionRepository,
  type PersonSearch,
  type StoredRecord,
  CaseRecordRepository,
  RecordLinkRepository,
  PersonRepository,
  ReviewItemRepository,
} from '@app/database';
import type { CaseSystem } from '@app/domain';
import { presentHistory, presentRecord, presentReview, type RecordView, type ReviewView } from './person.presenter';

function parseKey(key: string | undefined): { system: CaseSystem; recordId: string } | null {
  if (!key) return null;
  const i = key.indexOf(':');
  return i > 0 ? { system: key.slice(0, i) as CaseSystem, recordId: key.slice(i + 1) } : null;
}

/**
 * A safeguarding lead's corrections to the person index: review decisions, merges and unmerges. Each is locked
 * (no automatic run overrides it), written to link history, audited, and serialised with the deduplicator's own
 * decisions by the same advisory lock.
 */
@Injectable()
export class PersonReviewService {
  constructor(
    private readonly index: PersonIndexRepository,
    private readonly caseRecords: CaseRecordRepository,
    private readonly recordLinks: RecordLinkRepository,
    private readonly persons: PersonRepository,
    private readonly reviewItems: ReviewItemRepository,
    private readonly referrals: ReferralRepository,
    private readonly transitions: TransitionRepository,
    private readonly audit: AuditService,
    private readonly episodes: EpisodeRepository,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** Who is who has changed: the window rule is asked again about these persons' direct entries. */
  private async reconsiderEpisodes(manager: EntityManager, ...personIds: Array<string | null>): Promise<void> {
    const rules = { windowDays: this.config.get('EPISODE_WINDOW_DAYS', { infer: true }) };
    for (const personId of new Set(personIds)) if (personId) await this.episodes.reconsiderPerson(manager, personId, rules);
  }

  async listReviews(
    status: 'open' | 'decided' | 'superseded',
    page: number,
    pageSize: number,
  ): Promise<{ items: ReviewView[]; page: number; pageSize: number; total: number }> {
    const { items, total } = await this.reviewItems.listReviews(status, pageSize, (page - 1) * pageSize);
    const keys = items.flatMap((i) => [{ system: i.system, recordId: i.record_id }, parseKey(i.explanation.candidateRecordId)].filter((k) => k !== null));
    const records = new Map((await this.caseRecords.recordsByKeys(keys)).map((r) => [`${r.system}:${r.recordId}`, r]));
    return {
      items: items.map((i) => presentReview(i, records.get(`${i.system}:${i.record_id}`), records.get(i.explanation.candidateRecordId ?? ''))),
      page,
      pageSize,
      total,
    };
  }

  async decide(
    reviewId: string,
    decision: 'match' | 'not_a_match',
    principal: Principal,
    reason?: string,
  ): Promise<{ id: string; decision: string; personId: string | null }> {
    return this.index.transaction(async (manager) => {
      await this.index.lockLinking(manager);
      const item = await this.reviewItems.findReview(manager, reviewId);
      if (!item) throw new NotFoundError('review item', reviewId);
      if (item.status !== 'open') throw new ConflictError(`review item ${reviewId} is already ${item.status}`, 'review_closed');
      const record = await this.caseRecords.findRecord(manager, item.system, item.record_id);
      if (!record) throw new NotFoundError('case record', `${item.system}:${item.record_id}`);
      const actor = `reviewer:${principal.sub}`;
      let personId = record.personId;
      if (decision === 'match') {
        personId = item.candidate_person_id;
        await this.recordLinks.setLink(
          manager,
          {
            system: record.system,
            recordId: record.recordId,
            personId,
            matchStatus: 'MATCH',
            probability: item.probability,
            decidedBy: 'reviewer',
            locked: true,
            explanation: item.explanation,
            recordVersion: record.version,
          },
          { action: 'review_match', actor, reason: reason ?? 'reviewer confirmed the match' },
        );
      } else {
        await this.persons.addNonMatch(manager, record.system, record.recordId, item.candidate_person_id, actor);
        if (record.personId === item.candidate_person_id) {
          // A link the engine made and asked to be confirmed: "not a match" takes the record back out.
          personId = await this.persons.createPerson(manager);
          // Other open reviews of the record (a possible match to a third person) still stand.
          await this.moveLocked(
            manager,
            record,
            personId,
            { action: 'review_not_a_match', actor, reason: reason ?? `not person ${item.candidate_person_id}` },
            { keepReviews: true },
          );
        } else {
          await this.recordLinks.addHistory(manager, record.system, record.recordId, record.personId, {
            action: 'review_not_a_match',
            actor,
            reason: reason ?? `not person ${item.candidate_person_id}`,
          });
        }
      }
      await this.reviewItems.decideReview(manager, reviewId, decision, actor);
      await this.reconsiderEpisodes(manager, personId, record.personId);
      await this.audit.record(
        principal,
        `link.review_${decision}`,
        { type: 'case_record', id: `${record.system}:${record.recordId}` },
        {
          manager,
          details: { reviewId, candidatePersonId: item.candidate_person_id, personId },
        },
      );
      return { id: reviewId, decision, personId };
    });
  }

  /** Moves every record of `fromId` into `intoId`; `fromId` then points at `intoId`. */
  async merge(intoId: string, fromId: string, principal: Principal, reason?: string): Promise<{ personId: string; moved: number }> {
    if (intoId === fromId) throw new ConflictError('a person cannot be merged into itself', 'same_person');
    return this.index.transaction(async (manager) => {
      await this.index.lockLinking(manager);
      await this.requireActive(manager, intoId);
      await this.requireActive(manager, fromId);
      const records = await this.caseRecords.recordsOfPerson(manager, fromId);
      const actor = `reviewer:${principal.sub}`;
      for (const r of records) {
        await this.moveLocked(manager, r, intoId, { action: 'merge', actor, reason: reason ?? `merged from person ${fromId}` });
      }
      await this.persons.markMerged(manager, fromId, intoId);
      await this.reconsiderEpisodes(manager, intoId);
      await this.audit.record(
        principal,
        'person.merge',
        { type: 'person', id: intoId },
        { manager, details: { mergedPersonId: fromId, records: records.length } },
      );
      return { personId: intoId, moved: records.length };
    });
  }

  /** Takes one record out of a person into a person of its own, and remembers that it is not that person. */
  async unmerge(
    personId: string,
    system: CaseSystem,
    recordId: string,
    principal: Principal,
    reason?: string,
  ): Promise<{ personId: string; record: RecordView }> {
    return this.index.transaction(async (manager) => {
      await this.index.lockLinking(manager);
      const record = await this.caseRecords.findRecord(manager, system, recordId);
      if (!record || record.personId !== personId) throw new NotFoundError('record of this person', `${system}:${recordId}`);
      const actor = `reviewer:${principal.sub}`;
      const newPerson = await this.persons.createPerson(manager);
      await this.moveLocked(manager, record, newPerson, { action: 'unmerge', actor, reason: reason ?? `taken out of person ${personId}` });
      await this.persons.addNonMatch(manager, system, recordId, personId, actor);
      await this.reconsiderEpisodes(manager, newPerson, personId);
      await this.audit.record(
        principal,
        'person.unmerge',
        { type: 'person', id: personId },
        { manager, details: { record: `${system}:${recordId}`, newPersonId: newPerson } },
      );
      return { personId: newPerson, record: presentRecord({ ...record, personId: newPerson, locked: true }) };
    });
  }

  /**
   * Persons a reviewer may merge with this one, found by what they typed (names, a date of birth, a referral
   * reference or a record id): each with their records and references so that two of one name can be told apart.
   * Audited as a read of personal data, without what was typed.
   */
  async searchPersons(
    search: PersonSearch,
    excludePersonId: string,
    principal: Principal,
  ): Promise<Array<{ id: string; records: RecordView[]; references: string[] }>> {
    const ids = await this.persons.searchPersons(search, excludePersonId, 20);
    const persons = await Promise.all(
      ids.map(async (id) => {
        const [records, referrals] = await Promise.all([
          this.index.transaction((manager) => this.caseRecords.recordsOfPerson(manager, id)),
          this.referrals.list({ personId: id }, 50, 0),
        ]);
        return { id, records: records.map(presentRecord), references: referrals.items.map((r) => r.reference) };
      }),
    );
    await this.audit.record(principal, 'person.search', null, { purpose: 'merge', details: { found: ids } });
    return persons;
  }

  /** Everything held about a person: records in both systems, referrals, transitions, and the link history. */
  async timeline(personId: string, principal: Principal) {
    const person = await this.index.transaction((manager) => this.persons.personExists(manager, personId));
    if (!person) throw new NotFoundError('person', personId);
    if (person.mergedInto) return { id: personId, mergedInto: person.mergedInto, records: [], referrals: [], history: [] };
    const [records, referrals, history] = await Promise.all([
      this.index.transaction((manager) => this.caseRecords.recordsOfPerson(manager, personId)),
      this.referrals.list({ personId }, 200, 0),
      this.recordLinks.historyOfPerson(personId),
    ]);
    const referralViews = await Promise.all(
      referrals.items.map(async (r) => ({
        id: r.id,
        reference: r.reference,
        kind: r.kind,
        referredAt: r.referredAt.toISOString(),
        route: { system: r.routeSystem, reason: r.routeReason },
        caseRecord: r.caseSystem && r.caseRecordId ? { system: r.caseSystem, recordId: r.caseRecordId } : null,
        transitions: (await this.transitions.forReferral(r.id)).map((t) => ({
          reason: t.reason,
          from: { system: t.fromSystem, recordId: t.fromRecordId },
          to: { system: t.toSystem, recordId: t.toRecordId },
          effectiveOn: t.effectiveOn,
          status: t.status,
        })),
      })),
    );
    await this.audit.record(principal, 'person.read', { type: 'person', id: personId }, { purpose: 'casework' });
    return { id: personId, mergedInto: null, records: records.map(presentRecord), referrals: referralViews, history: history.map(presentHistory) };
  }

  private async requireActive(manager: EntityManager, id: string): Promise<void> {
    const person = await this.persons.personExists(manager, id);
    if (!person) throw new NotFoundError('person', id);
    if (person.mergedInto) throw new ConflictError(`person ${id} was merged into ${person.mergedInto}`, 'person_merged');
  }

  private async moveLocked(
    manager: EntityManager,
    record: StoredRecord,
    personId: string,
    history: { action: string; actor: string; reason: string },
    options: { keepReviews?: boolean } = {},
  ): Promise<void> {
    await this.recordLinks.setLink(
      manager,
      {
        system: record.system,
        recordId: record.recordId,
        personId,
        matchStatus: 'MATCH',
        probability: null,
        decidedBy: 'reviewer',
        locked: true,
        explanation: null,
        recordVersion: record.version,
      },
      history,
    );
    if (!options.keepReviews) await this.reviewItems.supersedeReviews(manager, record.system, record.recordId);
  }
}
