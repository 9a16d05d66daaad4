import type { CaseRecord, CaseReferralFacts } from '@app/case-systems';
import { anAisRecord, caseReferralFactsOf } from '../../../../test/support/fixtures';
import { directReferralOf } from './direct-referral';

/** A concern a practitioner entered in the Modern Slavery category: an adult's NRM referral by the local authority. */
function aisConcern(changes: Partial<CaseRecord> = {}, facts: Partial<CaseReferralFacts> = {}): CaseRecord {
  return anAisRecord({ referralFacts: caseReferralFactsOf(facts), ...changes });
}

describe(directReferralOf.name, () => {
  it('counts a concern a practitioner entered in the Modern Slavery category, as an adult referral', () => {
    expect(directReferralOf(aisConcern())).toMatchObject({
      system: 'AIS',
      recordId: 'SC-000001',
      kind: 'nrm',
      under18: 'no',
      ageNowBand: 'adult',
      nrmReference: 'NRM-1',
    });
  });

  it("does not count the record the hub's own delivery created: it is its referral's", () => {
    expect(directReferralOf(aisConcern({ source: 'referral_hub', clientReference: '0b6f5b8e-1111-4111-8111-111111111111' }))).toBeNull();
  });

  it('does not count a transfer in from LCS: the case continues, it is no new referral', () => {
    expect(directReferralOf(aisConcern({ linkedRecordIds: ['400001'] }, { transferredIn: true }))).toBeNull();
  });

  it('does not count an LCS contact without the trafficking factor', () => {
    expect(directReferralOf(aisConcern({ system: 'LCS' }, { modernSlavery: false }))).toBeNull();
  });

  it('counts an LCS contact as a child referral, whatever its kind', () => {
    expect(directReferralOf(aisConcern({ system: 'LCS', dateOfBirth: null }, { kind: null }))).toMatchObject({ under18: 'yes', kind: null, ageNowBand: null });
  });

  it('does not count a record read before the systems reported their referral facts', () => {
    expect(directReferralOf(aisConcern({ referralFacts: undefined }))).toBeNull();
  });

  it('counts a nameless record as no individual only when it is an anonymous notification, as a hub referral counts', () => {
    const nameless = { anonymous: true, firstName: null, lastName: null, dateOfBirth: null, nhsNumber: null };
    expect(directReferralOf(aisConcern(nameless, { kind: 'dtn' }))?.anonymous).toBe(true);
    expect(directReferralOf(aisConcern(nameless, { kind: null }))?.anonymous).toBe(true);
    // An NRM referral, or a child's contact (a child is referred, never notified), is someone: an individual of their own.
    expect(directReferralOf(aisConcern(nameless, { kind: 'nrm' }))?.anonymous).toBe(false);
    expect(directReferralOf(aisConcern({ ...nameless, system: 'LCS' }, { kind: null }))?.anonymous).toBe(false);
    expect(directReferralOf(aisConcern({}, { kind: 'dtn' }))?.anonymous).toBe(false);
  });
});
