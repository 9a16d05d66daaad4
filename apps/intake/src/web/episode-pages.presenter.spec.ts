import { formErrors } from '@app/web';
import type { DirectEntryView } from '../episodes/episode.presenter';
import { JOIN_FIELDS, joinChoice, joinFieldOf, joinMessage, joinView, splitMessage } from './episode-pages.presenter';

const entry = (joined: DirectEntryView['joined'] = null): DirectEntryView => ({
  system: 'AIS',
  recordId: 'SC-000002',
  referredOn: '2026-05-06',
  kind: 'nrm',
  nrmReference: null,
  caseSystem: 'AIS',
  personId: null,
  joined,
  leadDecision: null,
});
const toReferral = {
  referralId: 'a1b2c3d4-0000-4000-8000-000000000001',
  reference: 'RH-2026-000001',
  system: null,
  recordId: null,
  rule: 'window',
  reason: null,
};
const referral = { referralId: toReferral.referralId, reference: 'RH-2026-000001', system: null, recordId: null, referredOn: '2026-05-04' };

describe('the split and join forms', () => {
  it("reads the episode chosen as the API's body takes it", () => {
    expect(joinChoice({ episode: `referral:${toReferral.referralId}` })).toEqual({
      asked: 'listed',
      target: { referralId: toReferral.referralId },
      missing: [],
    });
    expect(joinChoice({ episode: 'LCS:LCS-000004' })).toEqual({ asked: 'listed', target: { system: 'LCS', recordId: 'LCS-000004' }, missing: [] });
    expect(joinChoice({ episode: 'other-referral', otherReference: ' rh-2026-000001 ' })).toMatchObject({ reference: 'rh-2026-000001', missing: [] });
    expect(joinChoice({ episode: 'other-record', otherSystem: 'AIS' }).missing.map((m) => m.path)).toEqual(['otherRecordId']);
    expect(joinChoice({}).missing.map((m) => m.path)).toEqual(['episode']);
  });

  it("names the API's refusals by the field that asked for them, in words", () => {
    expect(joinFieldOf('listed', 'referralId')).toBe('episode');
    expect(joinFieldOf('other-record', 'system')).toBe('otherSystem');
    expect(joinFieldOf('other-record', 'recordId')).toBe('otherRecordId');
    expect(joinFieldOf('other-referral', 'referralId')).toBe('otherReference');
    const refused = formErrors(
      [
        { path: 'reason', message: 'reason must be a string' },
        { path: 'episode', message: 'the episode to join was not found, or is this entry itself' },
      ],
      JOIN_FIELDS,
    );
    expect(refused.summary).toEqual([
      { text: 'Choose another referral: that one is this record, or is counted with it, or is no longer held', href: '#episode' },
      { text: 'Enter why they are the same referral', href: '#reason' },
    ]);
  });

  it('says why no referral is suggested: the record is not linked to a person, or its person has no other to suggest', () => {
    expect(joinView({ entry: entry(), countedWith: null, episodes: [] }).choicesHint).toBe(
      'This record is not linked to a person yet, so no referral is suggested.',
    );
    const linked = { ...entry(), personId: 'b1b2c3d4-0000-4000-8000-000000000009' };
    const alone = joinView({ entry: linked, countedWith: null, episodes: [] });
    expect(alone.choicesHint).not.toContain('not linked to a person');
    expect(alone.choicesHint).toContain('This person has no other referral');
    expect(joinView({ entry: linked, countedWith: null, episodes: [referral] }).choicesHint).toBe(
      'The referrals and records counted on their own for this person are listed first.',
    );
  });

  it('says what a decision did to the figures', () => {
    expect(splitMessage(entry(toReferral))).toBe('Split: AIS record SC-000002 is now counted as a referral of its own. The figures count one more referral.');
    expect(splitMessage(entry())).toContain('The figures do not change.');
    const joined = { ...toReferral, rule: 'lead' };
    expect(joinMessage(entry(), entry(joined), referral)).toBe(
      'Joined: AIS record SC-000002 is now counted as the same referral as Referral Hub referral RH-2026-000001. The figures count one fewer referral.',
    );
    expect(joinMessage(entry(toReferral), entry(joined), referral)).toContain('It was counted with it already');
    const elsewhere = { ...toReferral, referralId: null, reference: null, system: 'LCS' as const, recordId: 'LCS-000004' };
    expect(joinMessage(entry(elsewhere), entry(joined), referral)).toContain('so the number of referrals does not change');
  });
});
