import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { ConflictError, InvalidRequestError, NotFoundError, UnprocessableError } from '@app/common';
import type { Environment } from '@app/config';
import {
  DecisionRepository,
  IdempotencyRepository,
  type NewReferral,
  OutboxRepository,
  ReferralEntity,
  HomeOfficeSubmissionRepository,
  ReferralFilter,
  ReferralRepository,
  TransitionRepository,
} from '@app/database';
import {
  decideRoute,
  formatReferralReference,
  isAnonymousNotification,
  isCurrentFinding,
  needsChildrensServicesPrompt,
  refuseAgeAssessment,
  representativeDay,
  type Referral,
  ukDateOn,
} from '@app/domain';
import { deliverJobId, RoutingJobName, transferJobId } from '@app/queues';
import { OutboxRelay } from '../outbox/outbox.relay';
import type { CreateReferralDto } from './dto/create-referral.dto';
import type { RecordAgeAssessmentDto } from './dto/record-age-assessment.dto';
import { requestFingerprint } from './idempotency';
import {
  CreatedReferralView,
  presentCreated,
  presentReferral,
  presentSummary,
  presentTransition,
  ReferralSummaryView,
  ReferralView,
  TransitionView,
} from './referral.presenter';
import { homeOfficeAnswers, type HomeOfficeAnswers } from './home-office-answers';

export interface IdempotencyContext {
  scope: string;
  key: string;
}

export interface CreateOutcome {
  view: CreatedReferralView;
  replayed: boolean;
}

@Injectable()
export class ReferralService {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly outbox: OutboxRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly transitions: TransitionRepository,
    private readonly decisions: DecisionRepository,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditService,
    private readonly config: ConfigService<Environment, true>,
    private readonly submissions: HomeOfficeSubmissionRepository,
  ) {}

  /**
   * Records a referral, its routing decision, the outbox message that carries it to the router and the audit of
   * its creation (`by`) in one statement (ReferralRepository.create); with an Idempotency-Key, the key's claim and
   * stored answer too, so a request either writes all of them or, its key taken, nothing.
   */
  async create(dto: CreateReferralDto, idem?: IdempotencyContext, by?: { principal: Principal; request?: Request }): Promise<CreateOutcome> {
    const entity = this.toEntity(dto);
    const answer = presentCreated({ ...entity, reference: '' } as ReferralEntity);
    const requestHash = idem ? requestFingerprint(dto) : '';
    // An adult who, the first responder says, has children: children's services are to be told, as when the lead
    // records it among the person's circumstances later.
    const promptDue =
      dto.potentialVictim.hasChildren === true &&
      needsChildrensServicesPrompt(
        {
          kind: entity.kind,
          referredOn: ukDateOn(entity.referredAt),
          under18: entity.under18,
          ageDisputed: entity.ageDisputed,
          dateOfBirth: entity.dateOfBirth,
        },
        { hasChildren: 'yes' },
      );
    for (let attempt = 0; ; attempt += 1) {
      const written = await this.referrals.create({
        referral: entity,
        referencePrefix: referencePrefix(entity.receivedAt),
        outbox: { topic: RoutingJobName.Deliver, aggregateId: entity.id, jobId: deliverJobId(entity.id), payload: { referralId: entity.id } },
        childrenPromptId: promptDue ? randomUUID() : null,
        audit: by ? this.audit.entry(by.principal, 'referral.create', { type: 'referral', id: entity.id }, { request: by.request }) : undefined,
        idempotency: idem
          ? { ...idem, requestHash, ttlHours: this.config.get('IDEMPOTENCY_TTL_HOURS', { infer: true }), status: 201, answer: answerWithoutReference(answer) }
          : undefined,
      });
      if (written) {
        this.relay.kick();
        return { view: { ...answer, reference: written.reference }, replayed: false };
      }
      // The key was taken (nothing else stops the write): answer as its first request did, or refuse.
      if (!idem) throw new Error('the referral was not written, and no Idempotency-Key was given to explain it');
      const taken = await this.idempotency.answerFor(idem.scope, idem.key, requestHash);
      if (taken?.outcome === 'replay') return { view: taken.body as CreatedReferralView, replayed: true };
      if (taken?.outcome === 'mismatch') {
        throw new UnprocessableError('this Idempotency-Key was used with a different request body', 'idempotency_key_reused');
      }
      if (taken?.outcome === 'in_flight' || attempt >= 2) {
        throw new ConflictError('a request with this Idempotency-Key is still being processed', 'idempotency_key_in_flight');
      }
      // Gone meanwhile (expired and purged): try again.
    }
  }

  /** A first responder sees only their own organisation's referrals; any other answers as not found. */
  async get(id: string, principal: Principal): Promise<ReferralView> {
    // Transitions first: a transfer commits the completed transition and the referral's new case record together,
    // so a completed transition read here is always matched by the referral read after it.
    const [transitions, assessments, submission, decisions] = await Promise.all([
      this.transitions.forReferral(id),
      this.transitions.assessmentsForReferral(id),
      this.submissions.forReferral(id),
      this.decisions.forReferral(id),
    ]);
    const referral = await this.referrals.findById(id);
    if (!referral || (principal.role === 'first_responder' && referral.organisation !== principal.org)) {
      throw new NotFoundError('referral', id);
    }
    return presentReferral(referral, transitions, assessments, submission, decisions);
  }

  /** The referral as the Home Office form's answers; visible to whoever may read the referral. */
  async homeOfficeAnswers(id: string, principal: Principal): Promise<{ reference: string; answers: HomeOfficeAnswers }> {
    const referral = await this.referrals.findById(id);
    if (!referral || (principal.role === 'first_responder' && referral.organisation !== principal.org)) {
      throw new NotFoundError('referral', id);
    }
    return { reference: referral.reference, answers: homeOfficeAnswers(referral.details) };
  }

  async list(filter: ReferralFilter, page: number, pageSize: number): Promise<{ items: ReferralSummaryView[]; page: number; pageSize: number; total: number }> {
    const { items, total } = await this.referrals.list(filter, pageSize, (page - 1) * pageSize);
    return { items: items.map(presentSummary), page, pageSize, total };
  }

  /**
   * A local-authority age assessment. One that finds an adult moves a case held in LCS to AIS, one that finds a
   * child a case held in AIS to LCS: a transition of the same referral, not a new one (MSA 2015 s.51: the
   * presumption lasts until age is assessed). A later challenge is a new assessment; the history is kept.
   */
  async recordAgeAssessment(
    id: string,
    dto: RecordAgeAssessmentDto,
    by: { principal: Principal; request?: Request },
  ): Promise<{ assessmentId: string; transition: TransitionView | null }> {
    const referral = await this.referrals.findById(id);
    if (!referral) throw new NotFoundError('referral', id);
    const violations = refuseAgeAssessment(dto, { today: ukDateOn(), referredOn: ukDateOn(referral.referredAt) });
    if (violations.length > 0) throw new InvalidRequestError(violations);
    const assessmentId = randomUUID();
    const transition = await this.referrals.transaction(async (manager) => {
      // Two findings recorded at once are judged one after the other, each against those already committed.
      await this.transitions.lockCaseMoves(manager, id);
      // Where the case is once the moves already started complete: a case moves again only from there.
      const heldIn = await this.transitions.heldIn(manager, id);
      // Only the current finding moves the case: one recorded late, dated before an assessment already on the record,
      // is kept as history (the router, the worklist and the statistics read the latest, as latestAssessment does).
      const current = isCurrentFinding(await this.transitions.assessmentsForReferral(id, manager), dto.assessedOn);
      const move = !current
        ? null
        : dto.outcome === 'adult' && heldIn === 'LCS'
          ? ('LCS_TO_AIS' as const)
          : dto.outcome === 'child' && heldIn === 'AIS'
            ? ('AIS_TO_LCS' as const)
            : null;
      await this.transitions.insertAssessment(manager, {
        id: assessmentId,
        referralId: id,
        assessedOn: dto.assessedOn,
        outcome: dto.outcome,
        assessedDateOfBirth: dto.assessedDateOfBirth ?? null,
        authority: dto.authority,
      });
      // Audited with the change, in its transaction.
      await this.audit.record(
        by.principal,
        'referral.age_assessment',
        { type: 'referral', id },
        { request: by.request, details: { outcome: dto.outcome }, manager },
      );
      if (!move) return null;
      const { transition: stored, created } = await this.transitions.insertOnce(manager, {
        id: randomUUID(),
        referralId: id,
        fromSystem: move === 'LCS_TO_AIS' ? 'LCS' : 'AIS',
        fromRecordId: referral.caseRecordId ?? 'pending-delivery',
        toSystem: move === 'LCS_TO_AIS' ? 'AIS' : 'LCS',
        reason: move === 'LCS_TO_AIS' ? 'age_assessment_adult' : 'age_assessment_child',
        effectiveOn: dto.assessedOn,
        status: 'pending',
      });
      if (created) {
        await this.outbox.add(manager, {
          topic: RoutingJobName.Transfer,
          aggregateId: id,
          jobId: transferJobId(stored.id),
          payload: { referralId: id, transitionId: stored.id },
        });
      }
      return stored;
    });
    if (transition) this.relay.kick();
    return { assessmentId, transition: transition ? presentTransition(transition) : null };
  }

  /** Re-drives a referral whose routing failed after every retry, once the case system is back. */
  async redrive(id: string, by: { principal: Principal; request?: Request }): Promise<{ id: string; status: 'accepted' }> {
    await this.referrals.transaction(async (manager) => {
      const generation = await this.referrals.redrive(manager, id);
      if (generation === undefined) {
        const exists = await this.referrals.findById(id);
        if (!exists) throw new NotFoundError('referral', id);
        throw new ConflictError('only a referral whose routing failed can be re-driven', 'not_routing_failed');
      }
      await this.outbox.add(manager, {
        topic: RoutingJobName.Deliver,
        aggregateId: id,
        jobId: deliverJobId(id, generation),
        payload: { referralId: id },
      });
      await this.audit.record(by.principal, 'referral.redrive', { type: 'referral', id }, { request: by.request, manager });
    });
    this.relay.kick();
    return { id, status: 'accepted' };
  }

  private toEntity(dto: CreateReferralDto): NewReferral {
    const receivedAt = new Date();
    // A plain copy of the validated body (the DTO is a class instance), with the time of referral filled in.
    const details: Referral = structuredClone({ ...dto, referredAt: dto.referredAt ?? receivedAt.toISOString() });
    const victim = details.potentialVictim;
    const route = decideRoute({ age: details.age, dateOfBirth: victim.dateOfBirth, referredAt: details.referredAt });
    return {
      id: randomUUID(),
      kind: details.kind,
      status: 'accepted',
      anonymous: isAnonymousNotification(details),
      organisation: details.firstResponder.organisation,
      organisationType: details.firstResponder.organisationType,
      referredAt: new Date(details.referredAt),
      receivedAt,
      under18: details.age.under18,
      under18DuringExploitation: details.age.under18DuringExploitation ?? null,
      ageDisputed: details.age.ageDisputed ?? false,
      dateOfBirth: victim.dateOfBirth ?? null,
      gender: victim.gender,
      nationality: victim.nationality,
      secondNationality: victim.secondNationality ?? null,
      exploitationTypes: details.exploitation.types,
      exploitationLocation: details.exploitation.location,
      countyLines: details.exploitation.countyLines === true,
      // The statistics need one day for the age at the start; a month or a year given as an estimate is stored
      // as its middle, within the period, as given in details.
      exploitationStart: details.exploitation.startDate
        ? (representativeDay(details.exploitation.startDate, { notAfter: details.referredAt.slice(0, 10), notBefore: victim.dateOfBirth }) ?? null)
        : null,
      routeSystem: route.system,
      routeReason: route.reason,
      routeConflict: route.conflict,
      routeExplanation: route.explanation,
      routingAttempts: 0,
      redriveGeneration: 0,
      details,
    };
  }
}

/** "RH-2026-": a reference without its number (formatReferralReference's shape), which the database appends. */
function referencePrefix(receivedAt: Date): string {
  return formatReferralReference(receivedAt, 0).replace(/0+$/, '');
}

function answerWithoutReference(view: CreatedReferralView): Record<string, unknown> {
  const { reference: _, ...rest } = view;
  return rest;
}
