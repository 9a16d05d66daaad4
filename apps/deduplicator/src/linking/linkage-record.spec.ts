import { prepareRecord } from '@app/matching';
import { anLcsRecord } from '../../../../test/support/fixtures';
import { indexKey, parseIndexKey, toLinkageRecord } from './linkage-record';

describe(toLinkageRecord.name, () => {
  it('keys records by system and id, and keeps the anonymous flag', () => {
    expect(toLinkageRecord(anLcsRecord())).toMatchObject({ recordId: 'LCS:400001', lastName: 'NGUYEN', dobEstimated: false, anonymous: false, otherId: null });
  });

  it("names a transfer's record in the other system as other_id, in the index's key form", () => {
    const transferred = toLinkageRecord(
      anLcsRecord({ system: 'AIS', recordId: 'SC-9', dateOfBirth: null, linkedRecordIds: ['400001'], referralDate: '2024-05-04' }),
    );
    expect(transferred.otherId).toBe('LCS:400001');
    // Its referral date is the children's service's, so it says nothing of the person's age at this system.
    expect(prepareRecord(transferred)).toMatchObject({ bornAfter: null, bornBefore: null });
  });

  it('reads a key back into system and record id, even when the id has a colon', () => {
    expect(parseIndexKey(indexKey('AIS', 'SC:1'))).toEqual({ system: 'AIS', recordId: 'SC:1' });
  });
});
