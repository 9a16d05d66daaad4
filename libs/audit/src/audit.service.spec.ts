import type { IncomingMessage } from 'node:http';
import type { Principal } from '@app/auth';
import { withRequest } from '@app/common';
import type { AuditRepository } from '@app/database';
import { AuditService } from './audit.service';

describe(AuditService.name, () => {
  // entry() builds the row only; nothing here reaches the repository.
  const audit = new AuditService({} as AuditRepository);
  const lead: Principal = { sub: 'lead-1', role: 'safeguarding_lead' };
  const served = (headers: IncomingMessage['headers']) => ({ headers, id: '0b5f6c1e-8d2a-4c4e-9a57-3d1f2e6b7c80' }) as unknown as IncomingMessage;

  it('takes the ids and the stated purpose of the request being served when none is passed', () => {
    const row = withRequest(served({ 'x-access-purpose': 'court_order', 'x-request-id': 'sar-42' }), () =>
      audit.entry(lead, 'person.subject_access_export', { type: 'person', id: 'A1B2' }, { purpose: 'subject access request' }),
    );
    expect(row).toMatchObject({ purpose: 'court_order', requestId: '0b5f6c1e-8d2a-4c4e-9a57-3d1f2e6b7c80', clientRequestId: 'sar-42' });
  });

  it("keeps the route's purpose without the header, and a purpose the role may not state is not taken", () => {
    expect(withRequest(served({}), () => audit.entry(lead, 'person.read', null, { purpose: 'casework' })).purpose).toBe('casework');
    expect(withRequest(served({ 'x-access-purpose': 'board_report' }), () => audit.entry(lead, 'person.read', null, { purpose: 'casework' })).purpose).toBe(
      'casework',
    );
  });

  it('prefers the request it is given, and has no ids outside a request', () => {
    const given = served({ 'x-request-id': 'given' });
    expect(withRequest(served({ 'x-request-id': 'ambient' }), () => audit.entry(lead, 'a', null, { request: given })).clientRequestId).toBe('given');
    expect(audit.entry(lead, 'a', null)).toMatchObject({ requestId: null, clientRequestId: null, purpose: 'a' });
  });
});
