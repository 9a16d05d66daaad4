import { canonicalId } from '@app/common';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { AuditEventEntity, AuditRepository } from '@app/database';
import { ListAuditQuery } from './list-audit.query';

export interface AuditEventView {
  id: string;
  at: string;
  actor: { sub: string; role: string | null; org: string | null };
  action: string;
  outcome: string;
  subject: { type: string; id: string } | null;
  purpose: string | null;
  requestId: string | null;
  clientRequestId: string | null;
  details: Record<string, unknown> | null;
}

function present(e: AuditEventEntity): AuditEventView {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: { sub: e.actorSub, role: e.actorRole, org: e.actorOrg },
    action: e.action,
    outcome: e.outcome,
    subject: e.subjectType && e.subjectId ? { type: e.subjectType, id: e.subjectId } : null,
    purpose: e.purpose,
    requestId: e.requestId,
    clientRequestId: e.clientRequestId,
    details: e.details,
  };
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The append-only audit: reads of personal data, refusals, link decisions, board reports' })
  async list(@Query() query: ListAuditQuery): Promise<{ items: AuditEventView[]; page: number; pageSize: number; total: number }> {
    const { page, pageSize, ...filter } = query;
    // Ids are audited in one spelling; a search by another finds them too.
    if (filter.subjectId) filter.subjectId = canonicalId(filter.subjectId);
    const { items, total } = await this.audit.list(filter, pageSize, (page - 1) * pageSize);
    return { items: items.map(present), page, pageSize, total };
  }
}
