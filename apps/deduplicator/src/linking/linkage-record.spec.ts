import { prepareRecord } from '@app/matching';
import { indexKey, parseIndexKey, toLinkageRecord } from './linkage-record';

describe(toLinkageRecord.name, () => {
  it('keys records by system and id, and keeps the anonymous flag', () => {
    const record = toLinkageRecord({
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
    });
    expect(record).toMatchObject({ recordId: 'LCS:400001', lastName: 'NGUYEN', dobEstimated: false, anonymous: false, otherId: null });
  });

  it("names a transfer's record in the other system as other_id, in the index's key form", () => {
    const base = toLinkageRecord({
      system: 'AIS', recordId: 'SC-9', version: 1, registerPersonId: 'P1', firstName: 'Van', middleNames: null, lastName: 'Nguyen', aliases: [],
      dateOfBirth: null, dateOfBirthEstimated: false, sex: 'male', nationality: 'VNM', nhsNumber: null, linkedRecordIds: ['400001'],
      referralDate: '2024-05-04', clientReference: null, source: 'practitioner', anonymous: false, status: 'open',
    });
    expect(base.otherId).toBe('LCS:400001');
    // Its referral date is the children's service's, so it says nothing of the person's age at this system.
    expect(prepareRecord(base)).toMatchObject({ bornAfter: null, bornBefore: null });
  });

  it('reads a key back into system and record id, even when the id has a colon', () => {
    expect(parseIndexKey(indexKey('AIS', 'SC:1'))).toEqual({ system: 'AIS', recordId: 'SC:1' });
  });
});
