import { nrmReferralFactsOf } from '../../../test/support/fixtures';
import { addCalendarMonths, nrmCase, refuseNrmDecision, type NrmDecision } from './nrm-case';

const adult = nrmReferralFactsOf();
const child = nrmReferralFactsOf({ under18: 'yes', dateOfBirth: '2009-01-01' });
const today = '2026-11-23';
const rg = (outcome: string, decidedOn = '2026-05-20'): NrmDecision => ({ type: 'reasonable_grounds', outcome, decidedOn });
const cg = (outcome: string, decidedOn = '2026-09-01'): NrmDecision => ({ type: 'conclusive_grounds', outcome, decidedOn });
const reconsider = (decidedOn: string): NrmDecision => ({ type: 'reconsideration_requested', decidedOn });

describe(refuseNrmDecision.name, () => {
  it('accepts a reasonable grounds decision on a new NRM referral', () => {
    expect(refuseNrmDecision(adult, [], rg('positive'), today)).toBeNull();
  });

  it('accepts a conclusive grounds decision after a positive reasonable grounds decision', () => {
    expect(refuseNrmDecision(adult, [rg('positive')], cg('negative'), today)).toBeNull();
  });

  it('lists every invalid field at once', () => {
    const refusal = refuseNrmDecision(adult, [], { type: 'reasonable_grounds', outcome: 'maybe', decidedOn: '2027-01-01', competentAuthority: 'NCA' }, today);
    expect(refusal).toEqual({
      kind: 'invalid',
      violations: [
        { path: 'outcome', message: expect.stringContaining('positive, negative') },
        { path: 'competentAuthority', message: expect.stringContaining('SCA, IECA, devolved_panel') },
        { path: 'decidedOn', message: 'decidedOn must not be in the future' },
      ],
    });
  });

  it('refuses a decision dated before the referral, naming decidedOn', () => {
    expect(refuseNrmDecision(adult, [], rg('positive', '2026-05-01'), today)).toEqual({
      kind: 'invalid',
      violations: [{ path: 'decidedOn', message: 'decidedOn must not be before the referral (2026-05-04)' }],
    });
  });

  it('refuses a decision dated before one already recorded', () => {
    expect(refuseNrmDecision(adult, [rg('positive', '2026-06-01')], cg('positive', '2026-05-30'), today)).toMatchObject({
      kind: 'invalid',
      violations: [{ path: 'decidedOn' }],
    });
  });

  it('refuses a conclusive grounds decision before a reasonable grounds one, naming type', () => {
    expect(refuseNrmDecision(adult, [], cg('positive'), today)).toEqual({
      kind: 'invalid',
      violations: [{ path: 'type', message: 'a conclusive grounds decision follows a positive reasonable grounds decision' }],
    });
  });

  it.each([
    ['a second reasonable grounds decision', [rg('positive')], rg('negative', '2026-06-01')],
    ['a conclusive grounds decision after a negative reasonable grounds one', [rg('negative')], cg('positive')],
    ['anything after a withdrawal', [{ type: 'withdrawal', decidedOn: '2026-05-10' }], rg('positive')],
    ['anything after a positive conclusive grounds decision', [rg('positive'), cg('positive')], { type: 'suspension', decidedOn: '2026-09-02' }],
    ['anything after a public order disqualification', [{ type: 'public_order_disqualification', decidedOn: '2026-05-10' }], rg('positive')],
    ['a reconsideration of a positive decision', [rg('positive')], reconsider('2026-05-25')],
    ['a second reconsideration of the same stage', [rg('negative'), reconsider('2026-05-25'), rg('negative', '2026-06-10')], reconsider('2026-06-12')],
    ['another kind of decision while a reconsideration is pending', [rg('negative'), reconsider('2026-05-25')], cg('positive')],
    ['a second suspension', [{ type: 'suspension', decidedOn: '2026-05-10' }], { type: 'suspension', decidedOn: '2026-05-11' }],
  ] as Array<[string, NrmDecision[], NrmDecision]>)('refuses %s as a violation of type', (_, recorded, request) => {
    expect(refuseNrmDecision(adult, recorded, request, today)).toMatchObject({ kind: 'invalid', violations: [{ path: 'type' }] });
  });

  it('accepts a reconsideration request after a negative decision, and the new decision of the stage reconsidered', () => {
    expect(refuseNrmDecision(adult, [rg('negative')], reconsider('2026-05-25'), today)).toBeNull();
    expect(refuseNrmDecision(adult, [rg('negative'), reconsider('2026-05-25')], rg('positive', '2026-06-10'), today)).toBeNull();
  });

  it('refuses an outcome on a reconsideration request and a finding on anything but a positive conclusive grounds decision', () => {
    expect(
      refuseNrmDecision(adult, [rg('negative')], { type: 'reconsideration_requested', outcome: 'positive', decidedOn: '2026-05-25' }, today),
    ).toMatchObject({
      violations: [{ path: 'outcome' }],
    });
    expect(refuseNrmDecision(adult, [rg('positive')], { ...cg('negative'), finding: 'human_trafficking' }, today)).toMatchObject({
      violations: [{ path: 'finding' }],
    });
    expect(refuseNrmDecision(adult, [rg('positive')], { ...cg('positive'), finding: 'both' }, today)).toBeNull();
  });

  it('picks a suspended case up again with the decision it was waiting for', () => {
    expect(refuseNrmDecision(adult, [rg('positive'), { type: 'suspension', decidedOn: '2026-06-01' }], cg('positive'), today)).toBeNull();
  });

  it('allows the decision at 18 only for a person referred as a child (MSA 2015 s.51 signals)', () => {
    const request: NrmDecision = { type: 'consent_to_stay', outcome: 'consented', decidedOn: '2026-09-01' };
    expect(refuseNrmDecision(child, [], request, today)).toBeNull();
    expect(refuseNrmDecision({ ...adult, ageDisputed: true }, [], request, today)).toBeNull();
    expect(refuseNrmDecision({ ...adult, dateOfBirth: '2010-01-01' }, [], request, today)).toBeNull();
    expect(refuseNrmDecision(adult, [], request, today)).toMatchObject({ kind: 'unprocessable', code: 'not_referred_as_child' });
  });

  it('refuses any decision on a Duty to Notify notification', () => {
    expect(refuseNrmDecision({ ...adult, kind: 'dtn' }, [], { type: 'withdrawal', decidedOn: '2026-09-01' }, today)).toMatchObject({ code: 'not_in_nrm' });
  });
});

describe(nrmCase.name, () => {
  it.each([
    [[], 'awaiting_reasonable_grounds'],
    [[rg('positive')], 'awaiting_conclusive_grounds'],
    [[rg('negative')], 'negative_reasonable_grounds'],
    [[rg('positive'), { type: 'consent_to_stay', outcome: 'consented', decidedOn: '2026-06-01' }], 'awaiting_conclusive_grounds'],
    [[rg('positive'), { type: 'consent_to_stay', outcome: 'declined', decidedOn: '2026-06-01' }], 'withdrawn'],
    [[rg('positive'), cg('positive')], 'positive_conclusive_grounds'],
    [[rg('positive'), cg('negative')], 'negative_conclusive_grounds'],
    [[rg('positive'), { type: 'suspension', decidedOn: '2026-06-01' }], 'suspended'],
    [[{ type: 'public_order_disqualification', decidedOn: '2026-06-01' }], 'public_order_disqualification'],
    [[rg('negative'), reconsider('2026-05-25')], 'reconsideration_requested'],
    [[rg('negative'), reconsider('2026-05-25'), rg('positive', '2026-06-10')], 'awaiting_conclusive_grounds'],
    [[rg('negative'), reconsider('2026-05-25'), rg('negative', '2026-06-10')], 'negative_reasonable_grounds'],
    [[rg('positive'), cg('negative'), reconsider('2026-09-05'), cg('positive', '2026-10-01')], 'positive_conclusive_grounds'],
  ] as Array<[NrmDecision[], string]>)('after %j is %s', (decisions, status) => {
    expect(nrmCase('nrm', decisions).status).toBe(status);
  });

  it('keeps the whole history, marking the new decision as overturning the one reconsidered', () => {
    const nrm = nrmCase('nrm', [{ ...rg('negative'), competentAuthority: 'SCA' }, reconsider('2026-05-25'), rg('positive', '2026-06-10')]);
    expect(nrm.history.map((h) => [h.type, h.outcome, h.reconsideration, h.statusAfter])).toEqual([
      ['reasonable_grounds', 'negative', null, 'negative_reasonable_grounds'],
      ['reconsideration_requested', null, null, 'reconsideration_requested'],
      ['reasonable_grounds', 'positive', 'overturned', 'awaiting_conclusive_grounds'],
    ]);
    expect(nrm.competentAuthority).toBe('SCA');
    expect(nrm.reconsideration).toBeNull();
  });

  it('marks a new negative decision as upholding the one reconsidered', () => {
    const nrm = nrmCase('nrm', [rg('negative'), reconsider('2026-05-25'), rg('negative', '2026-06-10')]);
    expect(nrm.history[2].reconsideration).toBe('upheld');
  });

  it('gives a pending reconsideration its deadline one calendar month after the request', () => {
    expect(nrmCase('nrm', [rg('negative'), reconsider('2026-05-25')]).reconsideration).toEqual({
      stage: 'reasonable_grounds',
      requestedOn: '2026-05-25',
      dueOn: '2026-06-25',
    });
  });

  it('puts a notification outside the NRM', () => {
    expect(nrmCase('dtn', []).status).toBe('not_in_nrm');
  });
});

describe(addCalendarMonths.name, () => {
  it.each([
    ['2026-05-25', '2026-06-25'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-12-15', '2027-01-15'],
  ])('%s + 1 month is %s', (day, expected) => {
    expect(addCalendarMonths(day, 1)).toBe(expected);
  });
});
