import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { InvalidRequestError, NotFoundError, UnprocessableError } from '@app/common';
import type { Environment } from '@app/config';
import { AdulthoodRepository, OutboxRepository, ReferralRepository, TransitionRepository, type AdulthoodCandidateRow } from '@app/database';
import {
  adulthoodOf,
  byDeadline,
  horizonEnd,
  keepsChildrensRecordOpen,
  latestAssessment,
  onAdulthoodWorklist,
  OPENS_ADULT_RECORD,
  refuseTransitionStep,
  type AdulthoodStatus,
  type CaseSystem,
  ukDateOn,
} from '@app/domain';
import { RoutingJobName, transferJobId } from '@app/queues';
import { OutboxRelay } from '../outbox/outbox.relay';
import { presentTransition, type TransitionView } from '../referrals/referral.presenter';
import type { RecordTransitionStepDto } from './dto/record-transition-step.dto';

/** A child on the worklist, by referral id: no name, no date of birth beyond the birthday the list is about. */
export interface ApproachingAdulthoodItem extends Omit<AdulthoodStatus, 'dateOfBirth'> {
  referralId: string;
  reference: string;
  organisation: string;
  referredOn: string;
  caseSystem: CaseSystem | null;
  /** The day the daily reminder flagged the birthday as passed with nothing recorded. */
  flaggedOn: string | null;
}

export interface ApproachingAdulthoodPage {
  on: string;
  horizonMonths: number;
  /** The last 18th birthday the list looks ahead to. */
  horizonEnd: string;
  /** Birthdays passed with nothing recorded, over the whole list. */
  birthdaysPassedNothingRecorded: number;
  total: number;
  page: number;
  pageSize: number;
  items: ApproachingAdulthoodItem[];
}

export interface TransitionStepView {
  id: string;
  step: string;
  on: string;
  recordedAt: string;
}

export interface RecordedStepView {
  step: TransitionStepView;
  /** The move to adults' services the step started, if it started one. */
  transition: TransitionView | null;
  adulthood: AdulthoodStatus | null;
}

export interface TransitionStepsView {
  referralId: string;
  steps: TransitionStepView[];
  adulthood: AdulthoodStatus | null;
}

function present(row: AdulthoodCandidateRow, status: AdulthoodStatus): ApproachingAdulthoodItem {
  const { dateOfBirth: _dateOfBirth, ...rest } = status;
  return {
    referralId: row.referralId,
    reference: row.reference,
    organisation: row.organisation,
    referredOn: row.referredOn,
    caseSystem: row.caseSystem,
    flaggedOn: row.flaggedOn,
    ...rest,
  };
}

/** The approaching-adulthood worklist and the steps recorded on a child's referral (docs/transitions.md). */
@Injectable()
export class AdulthoodService {
  constructor(
    private readonly adulthood: AdulthoodRepository,
    private readonly referrals: ReferralRepository,
    private readonly transitions: TransitionRepository,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async worklist(q: { on?: string; horizonMonths?: number; page?: number; pageSize?: number }): Promise<ApproachingAdulthoodPage> {
    const on = q.on ?? ukDateOn();
    const horizonMonths = q.horizonMonths ?? this.config.get('ADULTHOOD_HORIZON_MONTHS', { infer: true });
    const [page, pageSize] = [q.page ?? 1, q.pageSize ?? 50];
    const listed: ApproachingAdulthoodItem[] = [];
    for (const row of await this.adulthood.candidates()) {
      const status = adulthoodOf(row, on);
      if (status && onAdulthoodWorklist(status, on, horizonMonths)) listed.push(present(row, status));
    }
    listed.sort(byDeadline);
    return {
      on,
      horizonMonths,
      horizonEnd: horizonEnd(on, horizonMonths),
      birthdaysPassedNothingRecorded: listed.filter((i) => i.birthdayPassedNothingRecorded).length,
      total: listed.length,
      page,
      pageSize,
      items: listed.slice((page - 1) * pageSize, page * pageSize),
    };
  }

  async steps(referralId: string): Promise<TransitionStepsView> {
    const facts = await this.adulthood.factsOf(referralId);
    if (!facts) throw new NotFoundError('referral', referralId);
    const steps = await this.adulthood.stepsFor(referralId);
    return {
      referralId,
      steps: steps.map((s) => ({ id: s.id, step: s.step, on: s.stepOn, recordedAt: s.recordedAt.toISOString() })),
      adulthood: adulthoodOf(facts, ukDateOn()),
    };
  }

  /**
   * Records a step with its audit row in one transaction. Adult services accepting the person (or an adult
   * safeguarding concern) while the case is held in LCS starts the move to AIS through the outbox, in the same
   * transaction: the router opens the adult record linked to the child's, and leaves the LCS contact open for a
   * care leaver (children's services keep their duties).
   */
  async recordStep(referralId: string, dto: RecordTransitionStepDto, by: { principal: Principal; request?: Request }): Promise<RecordedStepView> {
    const today = ukDateOn();
    const result = await this.referrals.transaction(async (manager) => {
      await this.transitions.lockCaseMoves(manager, referralId);
      const facts = await this.adulthood.factsOf(referralId, manager);
      if (!facts) throw new NotFoundError('referral', referralId);
      const violations = refuseTransitionStep({ step: dto.step, on: dto.on }, { today, referredOn: facts.referredOn });
      if (violations.length > 0) throw new InvalidRequestError(violations);
      if (latestAssessment(facts.assessments)?.outcome === 'adult') {
        throw new UnprocessableError("the latest age assessment found an adult: there is no move from children's services to record", 'assessed_adult');
      }
      const stored = await this.adulthood.insertStep(manager, { id: randomUUID(), referralId, step: dto.step, stepOn: dto.on, recordedBy: by.principal.sub });
      await this.audit.record(
        by.principal,
        'referral.transition_step',
        { type: 'referral', id: referralId },
        {
          request: by.request,
          manager,
          purpose: 'casework',
          details: { stepId: stored.id, step: stored.step, on: stored.stepOn },
        },
      );
      const steps = [...facts.steps, { step: dto.step, on: dto.on }];
      let transition = null;
      // From children's services only, as they stand once the moves already started complete.
      if (OPENS_ADULT_RECORD.has(dto.step) && (await this.transitions.heldIn(manager, referralId)) === 'LCS') {
        const { transition: started, created } = await this.transitions.insertOnce(manager, {
          id: randomUUID(),
          referralId,
          fromSystem: 'LCS',
          fromRecordId: facts.caseRecordId ?? 'pending-delivery',
          toSystem: 'AIS',
          reason: dto.step === 'adult_services_accepted' ? 'adult_services_accepted' : 'adult_safeguarding_concern',
          effectiveOn: dto.on,
          status: 'pending',
          keepsSourceOpen: keepsChildrensRecordOpen(steps),
        });
        if (created) {
          await this.outbox.add(manager, {
            topic: RoutingJobName.Transfer,
            aggregateId: referralId,
            jobId: transferJobId(started.id),
            payload: { referralId, transitionId: started.id },
          });
        }
        transition = started;
      }
      return { stored, transition, adulthood: adulthoodOf({ ...facts, steps }, today) };
    });
    if (result.transition) this.relay.kick();
    return {
      step: { id: result.stored.id, step: result.stored.step, on: result.stored.stepOn, recordedAt: result.stored.recordedAt.toISOString() },
      transition: result.transition ? presentTransition(result.transition) : null,
      adulthood: result.adulthood,
    };
  }
}
