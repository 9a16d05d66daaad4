import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import type { Principal } from '@app/auth';
import { InvalidRequestError, NotFoundError } from '@app/common';
import { DecisionRepository, SupportRepository, type ChildrenPromptRow, type CircumstancesRow, type SupportReferralRow } from '@app/database';
import { checkCircumstances, checkSupportReferral, needsChildrensServicesPrompt, ukDateOn } from '@app/domain';
import type { CloseChildrenPromptDto, RecordCircumstancesDto, RecordSupportReferralDto } from './dto/support.dto';

export interface ChildrenPromptView {
  id: string;
  referralId: string;
  reference: string;
  raisedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  note: string | null;
}

export interface SupportView {
  referralId: string;
  circumstances: (Omit<CircumstancesRow, 'updatedAt'> & { updatedAt: string }) | null;
  supportReferrals: Array<Omit<SupportReferralRow, 'recordedAt'> & { recordedAt: string }>;
  childrenPrompts: ChildrenPromptView[];
}

export function presentPrompt(p: ChildrenPromptRow): ChildrenPromptView {
  return { ...p, raisedAt: p.raisedAt.toISOString(), closedAt: p.closedAt?.toISOString() ?? null };
}

/**
 * Onward support and the people around the victim. Each change is checked by the domain's rules, serialised per
 * referral with its decisions, and audited in the same transaction.
 */
@Injectable()
export class SupportService {
  constructor(
    private readonly decisions: DecisionRepository,
    private readonly support: SupportRepository,
    private readonly audit: AuditService,
  ) {}

  async recordCircumstances(referralId: string, dto: RecordCircumstancesDto, principal: Principal): Promise<SupportView> {
    await this.decisions.transaction(async (manager) => {
      const referral = await this.decisions.lockReferral(manager, referralId);
      if (!referral) throw new NotFoundError('referral', referralId);
      const violations = checkCircumstances(referral, dto);
      if (violations.length > 0) throw new InvalidRequestError(violations);
      await this.support.saveCircumstances(manager, referralId, dto, principal.sub);
      let promptId: string | undefined;
      if (needsChildrensServicesPrompt(referral, dto)) promptId = await this.support.raiseChildrenPrompt(manager, randomUUID(), referralId);
      // Which answers changed, never the answers themselves (where the children are is personal data).
      await this.audit.record(
        principal,
        'circumstances.record',
        { type: 'referral', id: referralId },
        {
          manager,
          purpose: 'casework',
          details: { answered: Object.keys(dto).sort(), childrenPromptId: promptId ?? null },
        },
      );
    });
    return this.get(referralId);
  }

  async recordSupportReferral(referralId: string, dto: RecordSupportReferralDto, principal: Principal): Promise<SupportView> {
    await this.decisions.transaction(async (manager) => {
      const referral = await this.decisions.lockReferral(manager, referralId);
      if (!referral) throw new NotFoundError('referral', referralId);
      const violations = checkSupportReferral(referral, dto, ukDateOn());
      if (violations.length > 0) throw new InvalidRequestError(violations);
      const row = await this.support.insertSupportReferral(manager, { id: randomUUID(), referralId, ...dto, recordedBy: principal.sub });
      await this.audit.record(
        principal,
        'support_referral.record',
        { type: 'referral', id: referralId },
        {
          manager,
          purpose: 'casework',
          details: { supportReferralId: row.id, service: row.service },
        },
      );
    });
    return this.get(referralId);
  }

  async get(referralId: string): Promise<SupportView> {
    const facts = await this.decisions.referralFacts(referralId);
    if (!facts) throw new NotFoundError('referral', referralId);
    const [circumstances, supportReferrals, prompts] = await Promise.all([
      this.support.circumstances(referralId),
      this.support.supportReferrals(referralId),
      this.support.childrenPrompts({ referralId }),
    ]);
    return {
      referralId,
      circumstances: circumstances ? { ...circumstances, updatedAt: circumstances.updatedAt.toISOString() } : null,
      supportReferrals: supportReferrals.map((s) => ({ ...s, recordedAt: s.recordedAt.toISOString() })),
      childrenPrompts: prompts.map(presentPrompt),
    };
  }

  /** The prompts, open or closed; audited, since a closing note is a worker's free text about a family. */
  async listPrompts(status: 'open' | 'closed', principal: Principal): Promise<ChildrenPromptView[]> {
    const prompts = (await this.support.childrenPrompts({ open: status === 'open' })).map(presentPrompt);
    await this.audit.record(principal, 'children_prompts.read', null, { purpose: 'casework', details: { status, items: prompts.map((p) => p.id) } });
    return prompts;
  }

  async closePrompt(id: string, dto: CloseChildrenPromptDto, principal: Principal): Promise<ChildrenPromptView> {
    return this.decisions.transaction(async (manager) => {
      const closed = await this.support.closeChildrenPrompt(manager, id, principal.sub, dto.note);
      if (!closed) {
        if (!(await this.support.childrenPrompt(id))) throw new NotFoundError('children_prompt', id);
        throw new InvalidRequestError([{ path: 'note', message: 'the prompt is already closed' }]);
      }
      await this.audit.record(
        principal,
        'children_prompt.close',
        { type: 'referral', id: closed.referralId },
        { manager, purpose: 'casework', details: { childrenPromptId: id } },
      );
      return presentPrompt(closed);
    });
  }
}
