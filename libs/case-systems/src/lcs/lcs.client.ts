import type { Referral } from '@app/domain';
import type { CaseChangeType, CaseRecord, ChangePage, DeliveryResult, TransferReason } from '../case-record';
import type { CaseSystemClient } from '../case-system.client';
import { CaseSystemClientOptions, chunksOf, pageSize, stringOrUndefined, VendorError, VendorHttp, vendorText } from '../vendor-http';
import { fromLcsContact, toLcsContact } from './lcs.mapping';
import type { LcsContact, LcsContactBatch, LcsErrorBody, LcsFeedPage, LcsReturnRequest, LcsTransferRequest } from './lcs.types';

const CHANGE_TYPES: Readonly<Record<LcsFeedPage['items'][number]['event'], CaseChangeType>> = {
  'contact.created': 'created',
  'contact.updated': 'updated',
  'contact.transferred': 'transferred',
};

/** Reads LCS's error body: { error: { code, message, details: [{ field, issue }] } }. */
export function readLcsError(body: unknown): VendorError | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const error = (body as LcsErrorBody).error;
  const message = stringOrUndefined(error?.message);
  if (!message) return undefined;
  const code = stringOrUndefined(error?.code);
  const fieldErrors = Array.isArray(error?.details) ? error.details.map((d) => ({ field: vendorText(d.field), message: vendorText(d.issue) })) : [];
  return { message: code ? `${code}: ${message}` : message, fieldErrors };
}

export interface CloseForTransferInput {
  aisRecordId: string;
  reason: TransferReason;
  /** ISO YYYY-MM-DD */
  effectiveOn: string;
}

/** The children's case system (LCS contacts API). */
export class LcsClient implements CaseSystemClient {
  readonly system = 'LCS' as const;
  private readonly http: VendorHttp;

  constructor(options: CaseSystemClientOptions) {
    this.http = new VendorHttp('LCS', options, readLcsError);
  }

  async deliverReferral(referralId: string, referral: Referral): Promise<DeliveryResult> {
    const { status, body } = await this.http.request<LcsContact>('deliver referral', 'POST', '/lcs/api/contacts', toLcsContact(referral, referralId));
    return { recordId: body.id, created: status === 201 };
  }

  async getRecord(recordId: string): Promise<CaseRecord> {
    const { body } = await this.http.request<LcsContact>('get record', 'GET', `/lcs/api/contacts/${encodeURIComponent(recordId)}`);
    return fromLcsContact(body);
  }

  async getRecords(recordIds: readonly string[]): Promise<CaseRecord[]> {
    const records: CaseRecord[] = [];
    for (const chunk of chunksOf(recordIds)) {
      const query = new URLSearchParams({ ids: chunk.join(',') });
      const { body } = await this.http.request<LcsContactBatch>('get records', 'GET', `/lcs/api/contacts?${query.toString()}`);
      for (const contact of body.items) records.push(fromLcsContact(contact));
    }
    return records;
  }

  async changes(cursor: string | null, limit = 100): Promise<ChangePage> {
    const query = new URLSearchParams({ limit: String(pageSize(limit)) });
    if (cursor) query.set('after', cursor);
    const { body } = await this.http.request<LcsFeedPage>('read feed', 'GET', `/lcs/api/feed?${query.toString()}`);
    return {
      changes: body.items.map((i) => ({ recordId: i.contactId, version: i.version, type: CHANGE_TYPES[i.event] })),
      nextCursor: body.next,
      hasMore: body.hasMore,
    };
  }

  /**
   * Closes the child's contact as transferred to adults' services, recording the AIS record. Repeating it
   * with the same AIS record is harmless; another AIS record is refused (409).
   */
  async closeForTransfer(recordId: string, input: CloseForTransferInput): Promise<CaseRecord> {
    const request: LcsTransferRequest = { aisRecordId: input.aisRecordId, reason: input.reason, effectiveOn: input.effectiveOn };
    const { body } = await this.http.request<LcsContact>(
      'close for transfer',
      'POST',
      `/lcs/api/contacts/${encodeURIComponent(recordId)}/transfer-to-adults`,
      request,
    );
    return fromLcsContact(body);
  }

  /**
   * Reopens the contact of a case that comes back from adults' services (an age assessment found a child), with
   * the date of birth the assessment gave. LCS keeps one contact per child's case; repeating it is harmless.
   */
  async returnFromAdults(recordId: string, input: LcsReturnRequest): Promise<CaseRecord> {
    const { body } = await this.http.request<LcsContact>(
      'return from adults',
      'POST',
      `/lcs/api/contacts/${encodeURIComponent(recordId)}/return-from-adults`,
      input,
    );
    return fromLcsContact(body);
  }
}
