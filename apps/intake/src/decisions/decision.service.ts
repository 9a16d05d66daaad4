import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { InvalidRequestError, NotFoundError, UnprocessableError } from '@app/common';
import { DecisionOutcome, DecisionRepository } from '@app/database';
import { refuseNrmDecision, ukDateOn } from '@app/domain';
import { DecisionView, NrmCaseView, presentDecision, presentNrmCase, ReferralDecisionsView } from './decision.presenter';
import type { RecordDecisionDto } from './dto/record-decision.dto';

export interface RecordedDecisionView {
  decision: DecisionView;
  nrmStatus: string;
  nrmCase: NrmCaseView;
}

@Injectable()
export class DecisionService {
  constructor(
    private readonly decisions: DecisionRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records a decision on a referral: a status event, never a new referral, case or person. Decisions on one
   * referral are serialised so the NRM sequence holds however many are posted at once; the audit row is written
   * in the same transaction, so a decision is never kept without it.
   */
  async record(referralId: string, dto: RecordDecisionDto, principal: Principal): Promise<RecordedDecisionView> {
    return this.decisions.transaction(async (manager) => {
      const referral = await this.decisions.lockReferral(manager, referralId);
      if (!referral) throw new NotFoundError('referral', referralId);
      const recorded = await this.decisions.forReferral(referralId, manager);
      const refusal = refuseNrmDecision(referral, recorded, dto, ukDateOn());
      if (refusal?.kind === 'invalid') throw new InvalidRequestError(refusal.violations);
      if (refusal?.kind === 'unprocessable') throw new UnprocessableError(refusal.message, refusal.code);
      const decision = await this.decisions.insert(manager, {
        id: randomUUID(),
        referralId,
        type: dto.type,
        outcome: (dto.outcome ?? null) as DecisionOutcome | null,
        decidedOn: dto.decidedOn,
        competentAuthority: dto.competentAuthority ?? null,
        finding: dto.finding ?? null,
        recordedBy: principal.sub,
      });
      await this.audit.record(
        principal,
        'decision.record',
        { type: 'referral', id: referralId },
        {
          manager,
          purpose: 'casework',
          details: { decisionId: decision.id, type: decision.type, outcome: decision.outcome, decidedOn: decision.decidedOn },
        },
      );
      const nrmCase = presentNrmCase(referral.kind, [...recorded, decision]);
      return { decision: presentDecision(decision), nrmStatus: nrmCase.status, nrmCase };
    });
  }

  async list(referralId: string): Promise<ReferralDecisionsView> {
    const facts = await this.decisions.referralFacts(referralId);
    if (!facts) throw new NotFoundError('referral', referralId);
    const decisions = await this.decisions.forReferral(referralId);
    const nrmCase = presentNrmCase(facts.kind, decisions);
    return { referralId, ...nrmCase, nrmStatus: nrmCase.status, decisions: decisions.map(presentDecision) };
  }
}
