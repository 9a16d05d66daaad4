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
    expect(record).toMatchObject({ recordId: 'LCS:400001', lastName: 'NGUYEN', dobEstimated: false, anonymous: false });
  });

  it('reads a key back into system and record id, even when the id has a colon', () => {
    expect(parseIndexKey(indexKey('AIS', 'SC:1'))).toEqual({ system: 'AIS', recordId: 'SC:1' });
  });
});
