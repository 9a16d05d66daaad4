import type { Referral } from '@app/domain';
import type { CaseChangeType, CaseRecord, ChangePage, DeliveryResult } from '../case-record';
import type { CaseSystemClient } from '../case-system.client';
import { CaseSystemClientOptions, chunksOf, pageSize, stringOrUndefined, VendorError, VendorHttp, vendorText } from '../vendor-http';
import { AisTransferInput, fromAisConcern, toAisConcern, toAisTransfer } from './ais.mapping';
import type { AisChangeFeedPage, AisConcern, AisConcernBatch, AisErrorBody } from './ais.types';

const CHANGE_TYPES: Readonly<Record<AisChangeFeedPage['Changes'][number]['ChangeType'], CaseChangeType>> = {
  Created: 'created',
  Updated: 'updated',
  TransferIn: 'transferred',
};

/** Reads AIS's error body: { Message, ValidationErrors: [{ Field, Error }] }. */
export function readAisError(body: unknown): VendorError | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { Message, ValidationErrors } = body as AisErrorBody;
  const message = stringOrUndefined(Message);
  if (!message) return undefined;
  const fieldErrors = Array.isArray(ValidationErrors) ? ValidationErrors.map((e) => ({ field: vendorText(e.Field), message: vendorText(e.Error) })) : [];
  return { message, fieldErrors };
}

/** The adults' case system (AIS API v2). */
export class AisClient implements CaseSystemClient {
  readonly system = 'AIS' as const;
  private readonly http: VendorHttp;

  constructor(options: CaseSystemClientOptions) {
    this.http = new VendorHttp('AIS', options, readAisError);
  }

  async deliverReferral(referralId: string, referral: Referral): Promise<DeliveryResult> {
    const { status, body } = await this.http.request<AisConcern>(
      'deliver referral',
      'POST',
      '/api/v2/SafeguardingConcerns',
      toAisConcern(referral, referralId),
    );
    return { recordId: body.ConcernId, created: status === 201 };
  }

  async getRecord(recordId: string): Promise<CaseRecord> {
    const { body } = await this.http.request<AisConcern>('get record', 'GET', `/api/v2/SafeguardingConcerns/${encodeURIComponent(recordId)}`);
    return fromAisConcern(body);
  }

  async getRecords(recordIds: readonly string[]): Promise<CaseRecord[]> {
    const records: CaseRecord[] = [];
    for (const chunk of chunksOf(recordIds)) {
      const query = new URLSearchParams({ ConcernIds: chunk.join(',') });
      const { body } = await this.http.request<AisConcernBatch>('get records', 'GET', `/api/v2/SafeguardingConcerns?${query.toString()}`);
      for (const concern of body.Concerns) records.push(fromAisConcern(concern));
    }
    return records;
  }

  async changes(cursor: string | null, limit = 100): Promise<ChangePage> {
    const query = new URLSearchParams({ Limit: String(pageSize(limit)) });
    if (cursor) query.set('Since', cursor);
    const { body } = await this.http.request<AisChangeFeedPage>('read change feed', 'GET', `/api/v2/ChangeFeed?${query.toString()}`);
    return {
      changes: body.Changes.map((c) => ({ recordId: c.ConcernId, version: c.Version, type: CHANGE_TYPES[c.ChangeType] })),
      nextCursor: body.NextCursor,
      hasMore: body.HasMore,
    };
  }

  /**
   * Closes a concern whose case moved to children's services (an age assessment found a child). Closing a closed
   * concern again is harmless.
   */
  closeConcern(recordId: string): Promise<CaseRecord> {
    return this.setStatus(recordId, 'Closed');
  }

  /**
   * Reopens the concern of a case that comes back to adults' services (it went to children's services and returns
   * at 18, or on a later adult finding): AIS keeps one concern per referral. Reopening an open concern is harmless.
   */
  reopenConcern(recordId: string): Promise<CaseRecord> {
    return this.setStatus(recordId, 'Open');
  }

  private async setStatus(recordId: string, status: 'Open' | 'Closed'): Promise<CaseRecord> {
    const { body } = await this.http.request<AisConcern>(
      status === 'Open' ? 'reopen concern' : 'close concern',
      'PATCH',
      `/api/v2/SafeguardingConcerns/${encodeURIComponent(recordId)}`,
      { Status: status },
    );
    return fromAisConcern(body);
  }

  /**
   * Opens the adult record for a child whose case moves from LCS. Idempotent per LCS record: a repeat answers
   * the record already opened.
   */
  async transferFromChildren(input: AisTransferInput): Promise<DeliveryResult> {
    const { status, body } = await this.http.request<AisConcern>('transfer from children', 'POST', '/api/v2/Transfers', toAisTransfer(input));
    return { recordId: body.ConcernId, created: status === 201 };
  }
}
