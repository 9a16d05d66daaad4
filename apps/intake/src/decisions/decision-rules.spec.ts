import type { DecisionReferralFacts } from '@app/database';
import { nrmStatus, RecordedDecision, refuseDecision } from './decision-rules';

const adult: DecisionReferralFacts = { id: 'r1', kind: 'nrm', referredOn: '2026-05-04', under18: 'no', ageDisputed: false, dateOfBirth: '1994-03-12' };
const child: DecisionReferralFacts = { ...adult, under18: 'yes', dateOfBirth: '2009-01-01' };
const today = '2026-11-23';
const rg = (outcome: string, decidedOn = '2026-05-20'): RecordedDecision => ({ type: 'reasonable_grounds', outcome, decidedOn });

describe(refuseDecision.name, () => {
  it('accepts a reasonable grounds decision on a new NRM referral', () => {
    expect(refuseDecision(adult, [], { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-05-20' }, today)).toBeNull();
  });

  it('accepts a conclusive grounds decision after a positive reasonable grounds decision', () => {
    expect(refuseDecision(adult, [rg('positive')], { type: 'conclusive_grounds', outcome: 'negative', decidedOn: '2026-08-01' }, today)).toBeNull();
  });

  it('lists every invalid field at once', () => {
    const refusal = refuseDecision(adult, [], { type: 'reasonable_grounds', outcome: 'maybe', decidedOn: '2027-01-01' }, today);
    expect(refusal).toEqual({
      kind: 'invalid',
      violations: [
        { path: 'outcome', message: expect.stringContaining('positive, negative') },
        { path: 'decidedOn', message: 'decidedOn must not be in the future' },
      ],
    });
  });

  it('refuses a decision dated before one already recorded', () => {
    const refusal = refuseDecision(adult, [rg('positive', '2026-06-01')], { type: 'conclusive_grounds', outcome: 'positive', decidedOn: '2026-05-30' }, today);
    expect(refusal).toMatchObject({ kind: 'invalid', violations: [{ path: 'decidedOn' }] });
  });

  it.each([
    ['a conclusive grounds decision after a negative reasonable grounds one', [rg('negative')], 'conflict', 'nrm_case_closed'],
    ['a second reasonable grounds decision', [rg('positive')], 'conflict', 'decision_exists'],
    ['anything after a withdrawal', [{ type: 'withdrawal', outcome: null, decidedOn: '2026-05-10' }], 'conflict', 'nrm_case_closed'],
  ] as const)('refuses %s', (_, recorded, kind, code) => {
    const type = code === 'decision_exists' ? 'reasonable_grounds' : 'conclusive_grounds';
    expect(refuseDecision(adult, recorded, { type, outcome: 'positive', decidedOn: '2026-09-01' }, today)).toMatchObject({ kind, code });
  });

  it('refuses a conclusive grounds decision with no reasonable grounds decision', () => {
    expect(refuseDecision(adult, [], { type: 'conclusive_grounds', outcome: 'positive', decidedOn: '2026-09-01' }, today)).toMatchObject({
      kind: 'unprocessable',
      code: 'needs_positive_reasonable_grounds',
    });
  });

  it('allows the decision at 18 only for a person referred as a child (MSA 2015 s.51 signals)', () => {
    const request = { type: 'consent_to_stay', outcome: 'consented', decidedOn: '2026-09-01' } as const;
    expect(refuseDecision(child, [], request, today)).toBeNull();
    expect(refuseDecision({ ...adult, ageDisputed: true }, [], request, today)).toBeNull();
    expect(refuseDecision({ ...adult, under18: 'no', dateOfBirth: '2010-01-01' }, [], request, today)).toBeNull();
    expect(refuseDecision(adult, [], request, today)).toMatchObject({ code: 'not_referred_as_child' });
  });

  it('refuses any decision on a Duty to Notify notification', () => {
    expect(refuseDecision({ ...adult, kind: 'dtn' }, [], { type: 'withdrawal', decidedOn: '2026-09-01' }, today)).toMatchObject({ code: 'not_in_nrm' });
  });
});

describe(nrmStatus.name, () => {
  it.each([
    [[], 'awaiting_reasonable_grounds'],
    [[rg('positive')], 'awaiting_conclusive_grounds'],
    [[rg('negative')], 'negative_reasonable_grounds'],
    [[rg('positive'), { type: 'consent_to_stay', outcome: 'consented', decidedOn: '2026-06-01' }], 'awaiting_conclusive_grounds'],
    [[rg('positive'), { type: 'consent_to_stay', outcome: 'declined', decidedOn: '2026-06-01' }], 'withdrawn'],
    [[rg('positive'), { type: 'conclusive_grounds', outcome: 'positive', decidedOn: '2026-09-01' }], 'positive_conclusive_grounds'],
  ] as Array<[RecordedDecision[], string]>)('after %j is %s', (decisions, status) => {
    expect(nrmStatus('nrm', decisions)).toBe(status);
  });

  it('puts a notification outside the NRM', () => {
    expect(nrmStatus('dtn', [])).toBe('not_in_nrm');
  });
});
