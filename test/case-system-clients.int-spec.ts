import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AisClient,
  CaseRecordNotFoundError,
  CaseSystemRejectedError,
  CaseSystemUnavailableError,
  ChangePage,
  LcsClient,
  MAX_RECORDS_PER_READ,
} from '@app/case-systems';
import { bearer } from './support/auth';
import { amendDirectly, enterDirectly, type RunningMimic } from './support/mimics';
import { aReferral, aDutyToNotify, aChildReferral } from './support/fixtures';
import { startSystem, type TestSystem } from './support/system';
import { ifStarted } from './support/teardown';

/** Reads a feed from the start to the end, page by page. */
async function readAll(client: AisClient | LcsClient, limit = 2): Promise<{ changes: ChangePage['changes']; cursor: string | null }> {
  const changes: ChangePage['changes'] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 200; page += 1) {
    const result: ChangePage = await client.changes(cursor, limit);
    changes.push(...result.changes);
    cursor = result.nextCursor;
    if (!result.hasMore) break;
  }
  return { changes, cursor };
}

describe('case-system clients against the mimics', () => {
  let system: TestSystem;
  let aisMimic: RunningMimic;
  let lcsMimic: RunningMimic;
  let ais: AisClient;
  let lcs: LcsClient;
  let token: string;

  beforeAll(async () => {
    system = await startSystem({ mimics: true });
    ({ ais: aisMimic, lcs: lcsMimic } = system as Required<TestSystem>);
    token = (await bearer('service')).slice('Bearer '.length);
    ais = new AisClient({ baseUrl: aisMimic.url, timeoutMs: 2000, token });
    lcs = new LcsClient({ baseUrl: lcsMimic.url, timeoutMs: 2000, token });
  });

  afterAll(() => ifStarted(system)?.close());

  afterEach(() => {
    aisMimic.setFaults({ latencyMs: 0, failureRate: 0 });
    lcsMimic.setFaults({ latencyMs: 0, failureRate: 0 });
  });

  describe(AisClient.name, () => {
    it('is refused without the service token', async () => {
      const anonymous = new AisClient({ baseUrl: aisMimic.url, timeoutMs: 2000 });
      await expect(anonymous.changes(null)).rejects.toBeInstanceOf(CaseSystemRejectedError);
    });

    it('delivers an adult referral and reads it back normalised', async () => {
      const referralId = randomUUID();
      const { recordId, created } = await ais.deliverReferral(
        referralId,
        aReferral({
          potentialVictim: {
            gender: 'female',
            nationality: 'ALB',
            secondNationality: 'GRC',
            firstName: 'Arta',
            lastName: 'Hoxha',
            dateOfBirth: '1994-03-12',
            aliases: ['Arta H'],
            nhsNumber: '9434765919',
          },
        }),
      );
      expect(created).toBe(true);
      await expect(ais.getRecord(recordId)).resolves.toEqual({
        system: 'AIS',
        recordId,
        version: 1,
        registerPersonId: expect.stringMatching(/^P\d{7}$/),
        firstName: 'Arta',
        middleNames: null,
        lastName: 'Hoxha',
        aliases: ['Arta H'],
        dateOfBirth: '1994-03-12',
        dateOfBirthEstimated: false,
        sex: 'female',
        nationality: 'ALB',
        nhsNumber: '9434765919',
        linkedRecordIds: [],
        referralDate: '2026-05-04',
        clientReference: referralId,
        source: 'referral_hub',
        anonymous: false,
        status: 'open',
        referralFacts: {
          modernSlavery: true,
          kind: 'nrm',
          nrmReference: null,
          secondNationality: 'GRC',
          exploitationTypes: ['sexual', 'labour'],
          exploitationLocation: 'uk',
          organisationType: 'police',
          ageDisputed: false,
          transferredIn: false,
        },
      });
    });

    it('answers the same record when a referral is delivered again', async () => {
      const referralId = randomUUID();
      const first = await ais.deliverReferral(referralId, aReferral());
      await expect(ais.deliverReferral(referralId, aReferral())).resolves.toEqual({ recordId: first.recordId, created: false });
    });

    it('delivers an anonymous notification as an anonymous record with no register person', async () => {
      const { recordId } = await ais.deliverReferral(randomUUID(), aDutyToNotify());
      await expect(ais.getRecord(recordId)).resolves.toMatchObject({
        anonymous: true,
        registerPersonId: null,
        sex: 'male',
        nationality: 'ERI',
        firstName: null,
      });
    });

    it("reads a practitioner's direct entry and its correction", async () => {
      const recordId = await enterDirectly(aisMimic, {
        subject: { firstName: 'Arta', lastName: 'Hoxa', dateOfBirth: '1994-03-12', sex: 'female' },
        referralDate: '2026-04-01',
      });
      await amendDirectly(aisMimic, recordId, { lastName: 'Hoxha' });
      await expect(ais.getRecord(recordId)).resolves.toMatchObject({
        source: 'practitioner',
        clientReference: null,
        version: 2,
        lastName: 'Hoxha',
        firstName: 'Arta',
        referralDate: '2026-04-01',
      });
    });

    it('pages the change feed by cursor, ending where it began when nothing is new', async () => {
      const { recordId } = await ais.deliverReferral(randomUUID(), aReferral());
      const { changes, cursor } = await readAll(ais);
      expect(changes).toContainEqual({ recordId, version: 1, type: 'created' });
      await expect(ais.changes(cursor, 10)).resolves.toEqual({ changes: [], nextCursor: cursor, hasMore: false });
    });

    it('classifies a 503 as unavailable (retryable)', async () => {
      aisMimic.setFaults({ failureRate: 1 });
      const failure = ais.deliverReferral(randomUUID(), aReferral());
      await expect(failure).rejects.toBeInstanceOf(CaseSystemUnavailableError);
      await expect(failure).rejects.toMatchObject({ retryable: true, status: 503, system: 'AIS' });
    });

    it('classifies a 400 as rejected, with field names and no personal data', async () => {
      const bad = aReferral({ potentialVictim: { gender: 'female', nationality: 'ALB', lastName: 'Hoxha', nhsNumber: '12345' } });
      const failure = ais.deliverReferral(randomUUID(), bad);
      await expect(failure).rejects.toBeInstanceOf(CaseSystemRejectedError);
      await expect(failure).rejects.toMatchObject({
        retryable: false,
        status: 400,
        fieldErrors: [{ field: 'Subject.NhsNumber', message: expect.any(String) }],
      });
      await expect(failure).rejects.toThrow(/^((?!Hoxha|12345).)*$/);
    });

    it("asks for no more than the vendor's largest page", async () => {
      await expect(ais.changes(null, 10_000)).resolves.toMatchObject({ hasMore: false });
    });

    it('reads several records in one batch, in the order asked, leaving out ids not found', async () => {
      const a = await ais.deliverReferral(randomUUID(), aReferral());
      const b = await ais.deliverReferral(randomUUID(), aReferral());
      const records = await ais.getRecords([b.recordId, 'SC-999999', a.recordId]);
      expect(records.map((r) => r.recordId)).toEqual([b.recordId, a.recordId]);
      expect(records[1]).toEqual(await ais.getRecord(a.recordId));
      await expect(ais.getRecords([])).resolves.toEqual([]);
    });

    it('reads more records than one batch holds in several requests', async () => {
      const { recordId } = await ais.deliverReferral(randomUUID(), aReferral());
      const ids = [...Array.from({ length: MAX_RECORDS_PER_READ }, (_, i) => `SC-9${String(i).padStart(6, '0')}`), recordId];
      await expect(ais.getRecords(ids)).resolves.toMatchObject([{ recordId }]);
    });

    it('classifies an unknown record as not found, which is a rejection', async () => {
      const failure = ais.getRecord('SC-999999');
      await expect(failure).rejects.toBeInstanceOf(CaseRecordNotFoundError);
      await expect(failure).rejects.toBeInstanceOf(CaseSystemRejectedError);
    });

    it('classifies a timeout as unavailable', async () => {
      aisMimic.setFaults({ latencyMs: 400 });
      const impatient = new AisClient({ baseUrl: aisMimic.url, timeoutMs: 100, token });
      await expect(impatient.changes(null, 1)).rejects.toMatchObject({ name: 'CaseSystemUnavailableError', reason: 'timeout' });
    });

    it('classifies a refused connection as unavailable', async () => {
      const nowhere = new AisClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000 });
      await expect(nowhere.getRecord('SC-000001')).rejects.toMatchObject({ name: 'CaseSystemUnavailableError', reason: 'network' });
    });
  });

  describe('the connection to a vendor', () => {
    /** A vendor that answers `handle`, counting the connections it was asked on. */
    async function vendor(handle: (response: http.ServerResponse) => void): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
      let connections = 0;
      const server = http.createServer((request, response) => {
        request.resume();
        handle(response);
      });
      server.on('connection', () => (connections += 1));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        connections: () => connections,
        close: () =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    }
    const aPage = JSON.stringify({ Changes: [], NextCursor: 'c1', HasMore: false });

    it('is kept open between calls', async () => {
      const server = await vendor((response) => response.setHeader('content-type', 'application/json').end(aPage));
      try {
        const client = new AisClient({ baseUrl: server.url, timeoutMs: 2000 });
        for (let i = 0; i < 3; i += 1) await client.changes(null, 1);
        expect(server.connections()).toBe(1);
      } finally {
        await server.close();
      }
    });

    it('times out on an answer that stops mid-body', async () => {
      const server = await vendor((response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write(aPage.slice(0, 10));
      });
      try {
        const client = new AisClient({ baseUrl: server.url, timeoutMs: 200 });
        await expect(client.changes(null, 1)).rejects.toMatchObject({ name: 'CaseSystemUnavailableError', reason: 'timeout' });
      } finally {
        await server.close();
      }
    });

    it('is unavailable when the connection closes mid-body', async () => {
      const server = await vendor((response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(aPage.length) });
        response.write(aPage.slice(0, 10), () => response.socket?.destroy());
      });
      try {
        const client = new AisClient({ baseUrl: server.url, timeoutMs: 2000 });
        await expect(client.changes(null, 1)).rejects.toMatchObject({ name: 'CaseSystemUnavailableError', reason: 'network' });
      } finally {
        await server.close();
      }
    });
  });

  describe(LcsClient.name, () => {
    it('delivers a child referral and reads it back normalised', async () => {
      const referralId = randomUUID();
      const { recordId, created } = await lcs.deliverReferral(referralId, aChildReferral({ age: { under18: 'yes', ageDisputed: true } }));
      expect(created).toBe(true);
      await expect(lcs.getRecord(recordId)).resolves.toEqual({
        system: 'LCS',
        recordId,
        version: 1,
        registerPersonId: expect.stringMatching(/^LCS-\d{6}$/),
        firstName: 'Van',
        middleNames: null,
        lastName: 'NGUYEN',
        aliases: [],
        dateOfBirth: '2010-07-01',
        dateOfBirthEstimated: false,
        sex: 'male',
        nationality: 'VNM',
        nhsNumber: null,
        linkedRecordIds: [],
        referralDate: '2026-05-04',
        clientReference: referralId,
        source: 'referral_hub',
        anonymous: false,
        status: 'open',
        // LCS records no referral kind, exploitation type or location; factor 12A says it is modern slavery.
        referralFacts: {
          modernSlavery: true,
          kind: null,
          nrmReference: null,
          secondNationality: null,
          exploitationTypes: [],
          exploitationLocation: null,
          organisationType: 'local_authority',
          ageDisputed: true,
          transferredIn: false,
        },
      });
    });

    it('reads several records in one batch, in the order asked, leaving out ids not found', async () => {
      const a = await lcs.deliverReferral(randomUUID(), aChildReferral());
      const b = await lcs.deliverReferral(randomUUID(), aChildReferral());
      const records = await lcs.getRecords([b.recordId, '999999999', a.recordId]);
      expect(records.map((r) => r.recordId)).toEqual([b.recordId, a.recordId]);
      expect(records[1]).toEqual(await lcs.getRecord(a.recordId));
    });

    it('answers the same record when a referral is delivered again', async () => {
      const referralId = randomUUID();
      const first = await lcs.deliverReferral(referralId, aChildReferral());
      await expect(lcs.deliverReferral(referralId, aChildReferral())).resolves.toEqual({ recordId: first.recordId, created: false });
    });

    it('classifies a 503 as unavailable', async () => {
      lcsMimic.setFaults({ failureRate: 1 });
      await expect(lcs.getRecord('400001')).rejects.toMatchObject({ name: 'CaseSystemUnavailableError', status: 503 });
    });

    it("classifies a conflicting transfer as rejected with the vendor's code", async () => {
      const { recordId } = await lcs.deliverReferral(randomUUID(), aChildReferral());
      await lcs.closeForTransfer(recordId, { aisRecordId: 'SC-000100', reason: 'eighteenth_birthday', effectiveOn: '2026-07-01' });
      const failure = lcs.closeForTransfer(recordId, { aisRecordId: 'SC-000200', reason: 'eighteenth_birthday', effectiveOn: '2026-07-01' });
      await expect(failure).rejects.toMatchObject({
        name: 'CaseSystemRejectedError',
        status: 409,
        vendorMessage: expect.stringMatching(/^ALREADY_TRANSFERRED/),
      });
    });
  });

  describe("transfer of a child to adults' services", () => {
    it('links the AIS record to the LCS record both ways and shows both changes in the feeds', async () => {
      const referralId = randomUUID();
      const child = aChildReferral();
      const { recordId: lcsRecordId } = await lcs.deliverReferral(referralId, child);
      const held = await lcs.getRecord(lcsRecordId);

      const input = {
        lcsRecordId,
        referralId,
        reason: 'eighteenth_birthday' as const,
        effectiveOn: '2028-07-01',
        subject: held,
        referralDate: held.referralDate,
      };
      const { recordId: aisRecordId, created } = await ais.transferFromChildren(input);
      await expect(ais.transferFromChildren(input)).resolves.toEqual({ recordId: aisRecordId, created: false });
      const closed = await lcs.closeForTransfer(lcsRecordId, { aisRecordId, reason: 'eighteenth_birthday', effectiveOn: '2028-07-01' });

      expect(created).toBe(true);
      expect(closed).toMatchObject({ status: 'transferred', linkedRecordIds: [aisRecordId], version: 2 });
      await expect(ais.getRecord(aisRecordId)).resolves.toMatchObject({
        linkedRecordIds: [lcsRecordId],
        clientReference: referralId,
        referralDate: '2026-05-04',
        lastName: 'NGUYEN',
        dateOfBirth: '2010-07-01',
      });
      expect((await readAll(ais, 50)).changes).toContainEqual({ recordId: aisRecordId, version: 1, type: 'transferred' });
      expect((await readAll(lcs, 50)).changes).toContainEqual({ recordId: lcsRecordId, version: 2, type: 'transferred' });
    });

    it('opens the adult record from the original referral when given one', async () => {
      const referralId = randomUUID();
      const { recordId } = await ais.transferFromChildren({
        lcsRecordId: '499999',
        referralId,
        reason: 'age_assessment_adult',
        effectiveOn: '2026-06-01',
        referral: aChildReferral(),
      });
      await expect(ais.getRecord(recordId)).resolves.toMatchObject({ linkedRecordIds: ['499999'], firstName: 'Van', lastName: 'Nguyen', nationality: 'VNM' });
    });
  });
});
