import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConflictError, InvalidRequestError, NotFoundError, UnprocessableError } from '@app/common';
import { DecisionOutcome, DecisionRepository } from '@app/database';
import { nrmStatus, refuseDecision } from './decision-rules';
import { DecisionView, presentDecision, ReferralDecisionsView } from './decision.presenter';
import type { RecordDecisionDto } from './dto/record-decision.dto';

@Injectable()
export class DecisionService {
  constructor(private readonly decisions: DecisionRepository) {}

  /**
   * Records a decision on a referral: a status event, never a new referral, case or person. Decisions on one
   * referral are serialised so the NRM sequence holds however many are posted at once.
   */
  async record(referralId: string, dto: RecordDecisionDto, recordedBy: string): Promise<{ decision: DecisionView; nrmStatus: string }> {
    return this.decisions.transaction(async (manager) => {
      const referral = await this.decisions.lockReferral(manager, referralId);
      if (!referral) throw new NotFoundError('referral', referralId);
      const recorded = await this.decisions.forReferral(referralId, manager);
      const refusal = refuseDecision(referral, recorded, dto, todayInUk());
      if (refusal?.kind === 'invalid') throw new InvalidRequestError(refusal.violations);
      if (refusal?.kind === 'conflict') throw new ConflictError(refusal.message, refusal.code);
      if (refusal?.kind === 'unprocessable') throw new UnprocessableError(refusal.message, refusal.code);
      const decision = await this.decisions.insert(manager, {
        id: randomUUID(),
        referralId,
        type: dto.type,
        outcome: dto.type === 'withdrawal' ? null : (dto.outcome as DecisionOutcome),
        decidedOn: dto.decidedOn,
        recordedBy,
      });
      return { decision: presentDecision(decision), nrmStatus: nrmStatus(referral.kind, [...recorded, decision]) };
    });
  }

  async list(referralId: string): Promise<ReferralDecisionsView> {
    const facts = await this.decisions.referralFacts(referralId);
    if (!facts) throw new NotFoundError('referral', referralId);
    const decisions = await this.decisions.forReferral(referralId);
    return { referralId, nrmStatus: nrmStatus(facts.kind, decisions), decisions: decisions.map(presentDecision) };
  }
}

/** Today's date in the UK, where decision letters are dated. */
function todayInUk(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
