import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { AisClient, LcsClient, type TransferReason } from '@app/case-systems';
import { ReferralEntity, ReferralRepository, TransitionEntity, TransitionRepository } from '@app/database';
import { latestAssessment, type Referral } from '@app/domain';

class AwaitingDeliveryError extends Error {
  override name = 'AwaitingDeliveryError';
}

/**
 * The case systems know two reasons a case arrives by transfer: an age assessment, or turning 18. A decision recorded
 * at 18 (adult services accepted, an adult safeguarding concern) is, to them, a transfer at 18.
 */
function vendorReason(transition: TransitionEntity): TransferReason {
  return transition.reason === 'age_assessment_adult' ? 'age_assessment_adult' : 'eighteenth_birthday';
}

/** The referral as children's services should receive it: with the date of birth the assessment found. */
export function withAssessedDateOfBirth(details: Referral, assessedDateOfBirth: string | null): Referral {
  if (!assessedDateOfBirth) return details;
  return { ...details, potentialVictim: { ...details.potentialVictim, dateOfBirth: assessedDateOfBirth } };
}

/**
 * Moves a case between the systems as recorded decisions say (docs/transitions.md), never on a date by itself:
 * LCS → AIS when adult services accept the person, an adult safeguarding concern is raised, or an age assessment
 * finds an adult; AIS → LCS when an age assessment finds a child. The receiving record carries the referral id (and
 * an AIS record the LCS id), so the person stays one individual; the referral keeps its id and reference.
 */
@Injectable()
export class TransferService {
  private readonly logger = new Logger(TransferService.name);

  constructor(
    private readonly referrals: ReferralRepository,
    private readonly transitions: TransitionRepository,
    private readonly ais: AisClient,
    private readonly lcs: LcsClient,
  ) {}

  async transfer(referralId: string, transitionId: string): Promise<'completed' | 'already_completed'> {
    const transition = await this.transitions.findById(transitionId);
    if (!transition) throw new UnrecoverableError(`transition ${transitionId} does not exist`);
    if (transition.status === 'completed') return 'already_completed';
    const referral = await this.referrals.findById(referralId);
    if (!referral) throw new UnrecoverableError(`referral ${referralId} does not exist`);
    // A decision can arrive before the case reached the system it leaves: wait for the delivery (job backoff).
    if (referral.status !== 'routed' || referral.caseSystem !== transition.fromSystem || !referral.caseRecordId) {
      if (referral.status === 'routing_failed') throw new UnrecoverableError(`the referral was never delivered to ${transition.fromSystem}`);
      throw new AwaitingDeliveryError(`the referral has not reached ${transition.fromSystem} yet`);
    }
    return transition.fromSystem === 'AIS'
      ? this.toChildren(referral, transition, referral.caseRecordId)
      : this.toAdults(referral, transition, referral.caseRecordId);
  }

  private async toAdults(referral: ReferralEntity, transition: TransitionEntity, lcsRecordId: string): Promise<'completed'> {
    // The child's record as LCS holds it now carries practitioners' corrections since the referral; an age
    // assessment's date of birth, where one gave it, is the one the adult record starts from.
    const child = await this.lcs.getRecord(lcsRecordId);
    const assessed = await this.assessedDateOfBirth(referral.id);
    const reason = vendorReason(transition);
    const { recordId: aisRecordId, created } = await this.ais.transferFromChildren({
      lcsRecordId,
      referralId: referral.id,
      subject: assessed ? { ...child, dateOfBirth: assessed, dateOfBirthEstimated: false } : child,
      referralDate: child.referralDate,
      reason,
      effectiveOn: transition.effectiveOn,
    });
    // A case AIS held before (it went to children's services and comes back) returns to its own concern, reopened:
    // AIS keeps one concern per referral. On a retry of a first move the concern is open already, and this is harmless.
    if (!created) await this.ais.reopenConcern(aisRecordId);
    // A care leaver keeps children's services' duties (to 21, or 25): their contact stays open until LCS closes it.
    if (!transition.keepsSourceOpen) await this.lcs.closeForTransfer(lcsRecordId, { aisRecordId, reason, effectiveOn: transition.effectiveOn });
    await this.referrals.transaction(async (manager) => {
      await this.transitions.complete(manager, transition.id, lcsRecordId, aisRecordId);
      await this.referrals.moveCase(manager, referral.id, 'AIS', aisRecordId);
    });
    this.logger.log(
      { referralId: referral.id, transitionId: transition.id, reason: transition.reason, keepsSourceOpen: transition.keepsSourceOpen },
      'case moved from LCS to AIS',
    );
    return 'completed';
  }

  /** MSA 2015 s.51: a person an assessment finds to be a child is children's services' case. */
  private async toChildren(referral: ReferralEntity, transition: TransitionEntity, aisRecordId: string): Promise<'completed'> {
    const assessed = await this.assessedDateOfBirth(referral.id);
    const details = withAssessedDateOfBirth(referral.details, assessed);
    // The referral id is LCS's external reference: a retry finds the contact already made, and so does a case that
    // LCS held before (it went to adults' services and comes back): that contact is reopened, with the assessed date
    // of birth, rather than left closed as transferred with the child's case open nowhere.
    const { recordId: lcsRecordId, created } = await this.lcs.deliverReferral(referral.id, details);
    if (!created) await this.lcs.returnFromAdults(lcsRecordId, { aisRecordId, effectiveOn: transition.effectiveOn, dateOfBirth: assessed ?? undefined });
    await this.ais.closeConcern(aisRecordId);
    await this.referrals.transaction(async (manager) => {
      await this.transitions.complete(manager, transition.id, aisRecordId, lcsRecordId);
      await this.referrals.moveCase(manager, referral.id, 'LCS', lcsRecordId);
    });
    this.logger.log({ referralId: referral.id, transitionId: transition.id, reason: transition.reason }, 'case moved from AIS to LCS');
    return 'completed';
  }

  /** The date of birth the latest age assessment that gave one found, if any. */
  private async assessedDateOfBirth(referralId: string): Promise<string | null> {
    const assessments = await this.transitions.assessmentsForReferral(referralId);
    return latestAssessment(assessments.filter((a) => a.assessedDateOfBirth))?.assessedDateOfBirth ?? null;
  }
}
