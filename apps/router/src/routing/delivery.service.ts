import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { AisClient, CaseSystemRejectedError, LcsClient, loggableError } from '@app/case-systems';
import { ReferralRepository } from '@app/database';
import { MetricsService } from '@app/metrics';

export interface AttemptInfo {
  /** Attempts already made before this one. */
  made: number;
  max: number;
}

/** Why a delivery failed, for the referral's routing error (read only by roles that read the referral). */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return 'unknown error';
}

/** A failure as Redis may keep it (a job's failed reason): kind, system, status and the names of refused fields. */
function safeSummary(error: unknown): string {
  const { type, system, operation, status, fields } = loggableError(error);
  return [type, system, operation, status ? `HTTP ${status}` : undefined, fields?.length ? `fields: ${fields.join(', ')}` : undefined]
    .filter(Boolean)
    .join(' ');
}

/**
 * Delivers an accepted referral to the case system its route names. The referral id travels as the case
 * system's client reference, so a retry after a lost answer finds the record already made: exactly once.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  constructor(
    private readonly referrals: ReferralRepository,
    private readonly ais: AisClient,
    private readonly lcs: LcsClient,
    private readonly metrics: MetricsService,
  ) {}

  async deliver(referralId: string, attempt: AttemptInfo): Promise<'routed' | 'already_routed'> {
    const referral = await this.referrals.findForDelivery(referralId);
    if (!referral) throw new UnrecoverableError(`referral ${referralId} does not exist`);
    if (referral.status === 'routed') {
      this.metrics.delivery(referral.routeSystem, 'already_routed');
      return 'already_routed';
    }

    try {
      const client = referral.routeSystem === 'AIS' ? this.ais : this.lcs;
      const { recordId } = await client.deliverReferral(referral.id, referral.details);
      await this.referrals.markRouted(referral.id, referral.routeSystem, recordId, attempt.made + 1);
      this.logger.log({ referralId, system: referral.routeSystem, recordId }, 'referral routed');
      this.metrics.delivery(referral.routeSystem, 'routed');
      return 'routed';
    } catch (error) {
      const rejected = error instanceof CaseSystemRejectedError;
      const final = rejected || attempt.made + 1 >= attempt.max;
      await this.referrals.recordRoutingAttempt(referral.id, attempt.made + 1, describe(error), final);
      this.logger.warn({ referralId, system: referral.routeSystem, attempt: attempt.made + 1, final, error: loggableError(error) }, 'delivery failed');
      this.metrics.delivery(referral.routeSystem, rejected ? 'rejected' : final ? 'failed' : 'retry');
      // A refusal will not change on retry; anything else (5xx, timeout) backs off and tries again.
      // The job's failure reason is kept in Redis: the status and the refused fields' names, never the vendor's words.
      if (rejected) throw new UnrecoverableError(safeSummary(error));
      throw new Error(safeSummary(error));
    }
  }
}
