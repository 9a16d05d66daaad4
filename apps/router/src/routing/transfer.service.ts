import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { AisClient, LcsClient } from '@app/case-systems';
import { ReferralRepository, TransitionRepository } from '@app/database';
import { toIsoDate } from '@app/domain';
import { QueueName, RoutingJobName, transferJobId } from '@app/queues';

class AwaitingDeliveryError extends Error {
  override name = 'AwaitingDeliveryError';
}

/**
 * Moves a child's case from LCS to AIS: the AIS record carries the LCS id, LCS closes its case as transferred,
 * and the referral keeps its id and reference. Neither a new referral nor a new person.
 */
@Injectable()
export class TransferService {
  private readonly logger = new Logger(TransferService.name);

  constructor(
    private readonly referrals: ReferralRepository,
    private readonly transitions: TransitionRepository,
    private readonly ais: AisClient,
    private readonly lcs: LcsClient,
    @InjectQueue(QueueName.Routing) private readonly routing: Queue,
  ) {}

  async transfer(referralId: string, transitionId: string): Promise<'completed' | 'already_completed'> {
    const transition = await this.transitions.findById(transitionId);
    if (!transition) throw new UnrecoverableError(`transition ${transitionId} does not exist`);
    if (transition.status === 'completed') return 'already_completed';
    const referral = await this.referrals.findById(referralId);
    if (!referral) throw new UnrecoverableError(`referral ${referralId} does not exist`);
    // An assessment can arrive before the child's case reached LCS: wait for the delivery (job backoff).
    if (referral.status !== 'routed' || referral.caseSystem !== 'LCS' || !referral.caseRecordId) {
      if (referral.status === 'routing_failed') throw new UnrecoverableError('the referral was never delivered to LCS');
      throw new AwaitingDeliveryError('the referral has not reached LCS yet');
    }
    const lcsRecordId = referral.caseRecordId;
    // The child's record as LCS holds it now carries practitioners' corrections since the referral.
    const child = await this.lcs.getRecord(lcsRecordId);
    const { recordId: aisRecordId } = await this.ais.transferFromChildren({
      lcsRecordId,
      referralId: referral.id,
      subject: child,
      referralDate: child.referralDate,
      reason: transition.reason,
      effectiveOn: transition.effectiveOn,
    });
    await this.lcs.closeForTransfer(lcsRecordId, { aisRecordId, reason: transition.reason, effectiveOn: transition.effectiveOn });
    await this.referrals.transaction(async (manager) => {
      await this.transitions.complete(manager, transition.id, lcsRecordId, aisRecordId);
      await this.referrals.moveCase(manager, referral.id, 'AIS', aisRecordId);
    });
    this.logger.log({ referralId, transitionId, reason: transition.reason }, 'case moved from LCS to AIS');
    return 'completed';
  }

  /**
   * The daily check: open LCS cases whose subject's 18th birthday has passed become transitions. Idempotent —
   * a referral has at most one LCS→AIS transition, and the job id comes from the transition.
   */
  async transferChildrenTurnedEighteen(today = toIsoDate(new Date())): Promise<number> {
    const due = await this.referrals.findChildrenTurnedEighteen(today, 1000);
    for (const { id, eighteenth } of due) {
      const referral = await this.referrals.findById(id);
      if (!referral?.caseRecordId) continue;
      const { transition, created } = await this.referrals.transaction((manager) =>
        this.transitions.insertOnce(manager, {
          id: randomUUID(),
          referralId: id,
          fromSystem: 'LCS',
          fromRecordId: referral.caseRecordId!,
          toSystem: 'AIS',
          reason: 'eighteenth_birthday',
          effectiveOn: eighteenth,
          status: 'pending',
        }),
      );
      if (created || transition.status === 'pending') {
        await this.routing.add(RoutingJobName.Transfer, { referralId: id, transitionId: transition.id }, { jobId: transferJobId(transition.id) });
      }
    }
    if (due.length) this.logger.log({ count: due.length }, '18th birthdays found with a case open in LCS');
    return due.length;
  }
}
