import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { AisClient, CaseRecord, CaseRecordNotFoundError, LcsClient } from '@app/case-systems';
import type { Environment } from '@app/config';
import {
  EpisodeRepository,
  PersonIndexRepository,
  type StoredRecord,
  CaseRecordRepository,
  RecordLinkRepository,
  PersonRepository,
  ReviewItemRepository,
} from '@app/database';
import type { MatchStatus } from '@app/domain';
import type { CaseSystem } from '@app/domain';
import { choosePerson, reviewsOf, type PersonChoice } from '@app/matching';
import { MetricsService } from '@app/metrics';
import { directReferralOf } from './direct-referral';
import { indexKey, toLinkageRecord } from './linkage-record';
import { PersonIndexCache } from './person-index.cache';

export type LinkOutcome =
  | 'not_found'
  | 'unchanged'
  | 'anonymous'
  | 'kept_reviewer_decision'
  | 'linked_by_transfer'
  | 'linked'
  /** Linked below the confirmation threshold: a review item asks a reviewer to confirm it. */
  | 'linked_to_confirm'
  | 'review'
  | 'new_person';

const ACTOR = 'deduplicator';

/** What a choice of person (`choosePerson`) comes to, for the metrics and the job's result. */
export function outcomeOf(choice: PersonChoice): LinkOutcome {
  if (choice.status === 'MATCH') return choice.confirm ? 'linked_to_confirm' : 'linked';
  return choice.reviews.length ? 'review' : 'new_person';
}

/**
 * Links one case-system record into the person index. Idempotent: a record already linked at this version is
 * left alone. Decisions are serialised across replicas (advisory lock) and follow three rules: a reviewer's
 * decision is never overridden; a transfer between systems links deterministically; otherwise the engine's
 * MATCH joins a person only when exactly one person matches — weak links never chain, several matching persons
 * go to review.
 */
@Injectable()
export class LinkingService {
  private readonly logger = new Logger(LinkingService.name);

  constructor(
    private readonly repository: PersonIndexRepository,
    private readonly caseRecords: CaseRecordRepository,
    private readonly recordLinks: RecordLinkRepository,
    private readonly persons: PersonRepository,
    private readonly reviewItems: ReviewItemRepository,
    private readonly cache: PersonIndexCache,
    private readonly ais: AisClient,
    private readonly lcs: LcsClient,
    private readonly audit: AuditService,
    private readonly metrics: MetricsService,
    private readonly episodes: EpisodeRepository,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async link(system: CaseSystem, recordId: string): Promise<LinkOutcome> {
    let record: CaseRecord;
    try {
      record = await (system === 'AIS' ? this.ais : this.lcs).getRecord(recordId);
    } catch (error) {
      if (error instanceof CaseRecordNotFoundError) return 'not_found';
      throw error;
    }
    await this.cache.ready();
    const outcome = await this.repository.transaction(async (manager) => {
      await this.repository.lockLinking(manager);
      await this.cache.sync(manager);
      return this.decideLocked(manager, record);
    });
    this.logger.debug({ system, recordId, version: record.version, outcome }, 'record linked');
    this.metrics.linkDecision(outcome);
    return outcome;
  }

  /**
   * One record's decision and its referral episodes, in a transaction that holds the linking lock and whose
   * in-memory index is in step (`link`, and the backlog linker for the records it cannot decide in bulk).
   */
  async decideLocked(manager: EntityManager, record: CaseRecord): Promise<LinkOutcome> {
    const decided = await this.decide(manager, record);
    await this.countEpisode(manager, record);
    return decided;
  }

  private async decide(manager: EntityManager, record: CaseRecord): Promise<LinkOutcome> {
    const { system, recordId } = record;
    const stored = await this.caseRecords.findRecord(manager, system, recordId);
    if (stored && stored.version >= record.version && (stored.personId || stored.anonymous)) return 'unchanged';

    await this.caseRecords.upsertRecord(manager, {
      system,
      recordId,
      version: record.version,
      referralId: record.clientReference,
      anonymous: record.anonymous,
      record: record as unknown as Record<string, unknown>,
    });
    // MSA 2015 s.52(3): an anonymous notification cannot be matched by identity and is never a person.
    if (record.anonymous) return 'anonymous';
    const linkage = toLinkageRecord(record);

    if (stored?.locked && stored.personId) {
      await this.recordLinks.addHistory(manager, system, recordId, stored.personId, {
        action: 'record_updated',
        actor: ACTOR,
        reason: "a reviewer's decision stands",
      });
      this.cache.index.add(linkage, stored.personId);
      return 'kept_reviewer_decision';
    }

    const transferred = await this.recordLinks.personOfLinkedRecords(manager, system, record.linkedRecordIds, record.clientReference);
    if (transferred) {
      await this.write(manager, record, stored, transferred, 'MATCH', 1, 'transfer', {
        rule: 'transfer',
        description: "The record carries the id of a linked record in the other case system (a move between children's and adults' services, either way).",
        linkedRecordIds: record.linkedRecordIds,
      });
      this.cache.index.add(linkage, transferred);
      await this.reviewItems.supersedeReviews(manager, system, recordId);
      return 'linked_by_transfer';
    }

    const excluded = await this.persons.nonMatchedPersons(manager, system, recordId, stored?.personId ?? null);
    const candidates = this.cache.index.match(linkage, 10).filter((c) => !excluded.has(c.personId));
    const own = stored?.personId ? { personId: stored.personId, alone: await this.holdsOnly(manager, stored.personId, stored) } : null;
    const choice = choosePerson(candidates, this.cache.index.config, own);
    const { status, best } = choice;
    const target = choice.personId ?? (await this.persons.createPerson(manager));

    // Linked, but not surely: the person is counted once meanwhile, and a reviewer confirms or takes it back out.
    const reviews = reviewsOf(choice, target);
    await this.reviewItems.replaceReviews(manager, system, recordId, reviews);
    await this.write(manager, record, stored, target, status, best?.probability ?? null, 'engine', best?.explanation ?? null);
    this.cache.index.add(linkage, target);
    return outcomeOf(choice);
  }

  /**
   * Reads again, once, the records linked before referral episodes were counted, so that the referrals
   * practitioners recorded directly are counted in the periods they belong to. Answers how many were read.
   */
  async backfillEpisodes(system: CaseSystem): Promise<number> {
    if (!(await this.episodes.backfillPending(system))) return 0;
    let read = 0;
    for (let after = ''; ;) {
      const ids = await this.episodes.recordsToBackfill(system, after, 200);
      if (!ids.length) break;
      for (const recordId of ids) await this.link(system, recordId);
      read += ids.length;
      after = ids[ids.length - 1];
    }
    await this.episodes.completeBackfill(system, read);
    if (read) this.logger.log({ system, records: read }, 'records held before episodes were counted read again');
    return read;
  }

  /**
   * Keeps referral episodes in step with the record: one a practitioner entered directly is counted (or joins the
   * episode of the referral it repeats), a transfer in moves a direct child's referral to AIS, and the person's
   * direct entries are decided again now that this record's link may have changed who they belong to.
   */
  private async countEpisode(manager: EntityManager, record: CaseRecord): Promise<void> {
    const rules = { windowDays: this.config.get('EPISODE_WINDOW_DAYS', { infer: true }) };
    const direct = directReferralOf(record);
    if (direct) await this.episodes.upsertDirect(manager, direct);
    if (record.system === 'AIS' && record.referralFacts?.transferredIn) await this.episodes.movedToAis(manager, record.linkedRecordIds);
    const personId = (await this.caseRecords.findRecord(manager, record.system, record.recordId))?.personId ?? null;
    if (personId) await this.episodes.reconsiderPerson(manager, personId, rules);
    else if (direct) await this.episodes.reconsider(manager, record.system, record.recordId, rules);
  }

  /** Whether the record's person holds no record but this one (it may then keep that person, `choosePerson`). */
  private async holdsOnly(manager: EntityManager, personId: string, stored: StoredRecord): Promise<boolean> {
    const members = await this.caseRecords.recordsOfPerson(manager, personId);
    return members.every((r) => r.system === stored.system && r.recordId === stored.recordId);
  }

  private async write(
    manager: EntityManager,
    record: CaseRecord,
    stored: StoredRecord | null,
    personId: string,
    status: MatchStatus,
    probability: number | null,
    decidedBy: 'engine' | 'transfer',
    explanation: unknown,
  ): Promise<void> {
    const action = !stored?.personId ? 'linked' : stored.personId === personId ? 'relinked' : 'moved';
    await this.recordLinks.setLink(
      manager,
      {
        system: record.system,
        recordId: record.recordId,
        personId,
        matchStatus: status,
        probability,
        decidedBy,
        locked: false,
        explanation,
        recordVersion: record.version,
      },
      { action, actor: ACTOR, reason: decidedBy === 'transfer' ? 'transfer' : status },
    );
    await this.audit.recordSystem(
      ACTOR,
      'link.decided',
      { type: 'case_record', id: indexKey(record.system, record.recordId) },
      { personId, status, probability, decidedBy },
      manager,
    );
  }
}
