import type { CaseRecord } from '@app/case-systems';
import { prepareRecord } from '@app/matching';
import { indexKey, parseIndexKey, toLinkageRecord } from './linkage-record';

/** A child's LCS record as the case-system client reads it, with any fields changed. */
function caseRecord(changes: Partial<CaseRecord> = {}): CaseRecord {
  return {
    system: 'LCS',
    recordId: '400001',
    version: 1,
    registerPersonId: 'LCS-000001',
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
    clientReference: null,
    source: 'practitioner',
    anonymous: false,
    status: 'open',
    ...changes,
  };
}

describe(toLinkageRecord.name, () => {
  it('keys records by system and id, and keeps the anonymous flag', () => {
    expect(toLinkageRecord(caseRecord())).toMatchObject({ recordId: 'LCS:400001', lastName: 'NGUYEN', dobEstimated: false, anonymous: false, otherId: null });
  });

  it("names a transfer's record in the other system as other_id, in the index's key form", () => {
    const transferred = toLinkageRecord(
      caseRecord({ system: 'AIS', recordId: 'SC-9', dateOfBirth: null, linkedRecordIds: ['400001'], referralDate: '2024-05-04' }),
    );
    expect(transferred.otherId).toBe('LCS:400001');
    // Its referral date is the children's service's, so it says nothing of the person's age at this system.
    expect(prepareRecord(transferred)).toMatchObject({ bornAfter: null, bornBefore: null });
  });

  it('reads a key back into system and record id, even when the id has a colon', () => {
    expect(parseIndexKey(indexKey('AIS', 'SC:1'))).toEqual({ system: 'AIS', recordId: 'SC:1' });
  });
});
