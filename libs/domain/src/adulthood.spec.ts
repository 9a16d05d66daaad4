import {
  adulthoodStatus,
  bestDateOfBirth,
  byDeadline,
  consentAtEighteen,
  countTransitions,
  keepsChildrensRecordOpen,
  onAdulthoodWorklist,
  refuseTransitionStep,
  type AdulthoodFacts,
  type TransitionCohortMember,
} from './adulthood';

const facts = (overrides: Partial<AdulthoodFacts> = {}): AdulthoodFacts => ({
  kind: 'nrm',
  dateOfBirth: { dateOfBirth: '2009-03-01', source: 'referral' },
  steps: [],
  decisions: [],
  adultSupportReferred: false,
  ...overrides,
});

describe('bestDateOfBirth', () => {
  it('takes the latest age assessment that gave a date over a correction and the referral', () => {
    expect(
      bestDateOfBirth({
        assessments: [
          { assessedOn: '2026-01-10', outcome: 'adult', assessedDateOfBirth: '2006-01-01' },
          { assessedOn: '2026-05-02', outcome: 'child', assessedDateOfBirth: '2009-02-02' },
          { assessedOn: '2026-06-01', outcome: 'child', assessedDateOfBirth: null },
        ],
        caseRecordDateOfBirth: '2009-07-07',
        referralDateOfBirth: '2010-01-01',
      }),
    ).toEqual({ dateOfBirth: '2009-02-02', source: 'age_assessment' });
  });

  it('orders two assessments of the same day by when they were recorded', () => {
    const best = bestDateOfBirth({
      assessments: [
        { assessedOn: '2026-05-02', recordedAt: new Date('2026-05-03T10:00:00Z'), outcome: 'child', assessedDateOfBirth: '2009-09-09' },
        { assessedOn: '2026-05-02', recordedAt: new Date('2026-05-02T10:00:00Z'), outcome: 'child', assessedDateOfBirth: '2008-08-08' },
      ],
      caseRecordDateOfBirth: null,
      referralDateOfBirth: null,
    });
    expect(best?.dateOfBirth).toBe('2009-09-09');
  });

  it('falls back to the corrected date, then the referral, then nothing', () => {
    expect(bestDateOfBirth({ assessments: [], caseRecordDateOfBirth: '2009-07-07', referralDateOfBirth: '2010-01-01' })).toEqual({
      dateOfBirth: '2009-07-07',
      source: 'case_record',
    });
    expect(bestDateOfBirth({ assessments: [], caseRecordDateOfBirth: null, referralDateOfBirth: '2010-01-01' })).toEqual({
      dateOfBirth: '2010-01-01',
      source: 'referral',
    });
    expect(bestDateOfBirth({ assessments: [], caseRecordDateOfBirth: null, referralDateOfBirth: null })).toBeNull();
  });
});

describe('adulthoodStatus', () => {
  it('lists everything outstanding for a child awaiting a conclusive grounds decision with nothing recorded', () => {
    const status = adulthoodStatus(facts({ decisions: [{ type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-01-05' }] }), '2026-12-01')!;
    expect(status).toMatchObject({
      eighteenthBirthday: '2027-03-01',
      birthdayPassed: false,
      nrmStatus: 'awaiting_conclusive_grounds',
      consentAtEighteen: 'needed',
    });
    expect(status.outstanding).toEqual([
      'transition_assessment_request',
      'care_leaver_status',
      'nrm_consent_at_18',
      'adult_support_referral',
      'adult_services_decision',
    ]);
  });

  it('asks for the assessment decision once it is requested, and nothing once every step is recorded', () => {
    const requested = adulthoodStatus(facts({ steps: [{ step: 'transition_assessment_requested', on: '2026-10-01' }] }), '2026-12-01')!;
    expect(requested.outstanding).toContain('transition_assessment_decision');
    const done = adulthoodStatus(
      facts({
        steps: [
          { step: 'transition_assessment_requested', on: '2026-10-01' },
          { step: 'transition_assessment_decided', on: '2026-11-01' },
          { step: 'care_leaver', on: '2026-11-02' },
          { step: 'adult_services_accepted', on: '2026-11-03' },
        ],
        decisions: [{ type: 'consent_to_stay', outcome: 'consented', decidedOn: '2026-11-04' }],
        adultSupportReferred: true,
      }),
      '2026-12-01',
    )!;
    expect(done).toMatchObject({
      outstanding: [],
      careLeaver: true,
      adultServices: 'accepted',
      consentAtEighteen: 'consented',
      transitionAssessment: 'decided',
    });
  });

  it('needs no consent or adult support when the NRM case is decided, withdrawn at 18, or a Duty to Notify', () => {
    const positive = adulthoodStatus(
      facts({
        decisions: [
          { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-01-05' },
          { type: 'conclusive_grounds', outcome: 'positive', decidedOn: '2026-06-05' },
        ],
      }),
      '2026-12-01',
    )!;
    expect(positive.consentAtEighteen).toBe('not_needed');
    expect(positive.outstanding).not.toContain('adult_support_referral');
    const declined = adulthoodStatus(facts({ decisions: [{ type: 'consent_to_stay', outcome: 'declined', decidedOn: '2027-03-01' }] }), '2027-03-02')!;
    expect(declined.consentAtEighteen).toBe('declined');
    expect(declined.outstanding).not.toContain('adult_support_referral');
    expect(consentAtEighteen('dtn', []).consent).toBe('not_needed');
  });

  it('flags a birthday passed with nothing recorded, and not once a step is', () => {
    expect(adulthoodStatus(facts(), '2027-03-01')!.birthdayPassedNothingRecorded).toBe(true);
    expect(adulthoodStatus(facts(), '2027-02-28')!.birthdayPassedNothingRecorded).toBe(false);
    expect(adulthoodStatus(facts({ steps: [{ step: 'care_leaver', on: '2027-01-01' }] }), '2027-03-02')!.birthdayPassedNothingRecorded).toBe(false);
  });

  it('takes the latest care-leaver step', () => {
    const steps = [
      { step: 'care_leaver', on: '2026-10-01' },
      { step: 'not_care_leaver', on: '2026-11-01' },
    ] as const;
    expect(adulthoodStatus(facts({ steps }), '2026-12-01')!.careLeaver).toBe(false);
    expect(keepsChildrensRecordOpen(steps)).toBe(false);
    expect(keepsChildrensRecordOpen([...steps, { step: 'care_leaver', on: '2026-11-02' }])).toBe(true);
    expect(keepsChildrensRecordOpen([])).toBe(false);
  });

  it('answers null without a date of birth', () => {
    expect(adulthoodStatus(facts({ dateOfBirth: null }), '2026-12-01')).toBeNull();
  });
});

describe('onAdulthoodWorklist', () => {
  const status = (today: string, overrides: Partial<AdulthoodFacts> = {}) => adulthoodStatus(facts(overrides), today)!;

  it('lists a child whose 18th birthday falls within the horizon, and not one beyond it', () => {
    expect(onAdulthoodWorklist(status('2026-09-01'), '2026-09-01', 6)).toBe(true);
    expect(onAdulthoodWorklist(status('2026-08-31'), '2026-08-31', 6)).toBe(false);
    expect(onAdulthoodWorklist(status('2026-08-31'), '2026-08-31', 7)).toBe(true);
  });

  it('keeps a birthday passed while something is outstanding, and drops it once all is recorded', () => {
    expect(onAdulthoodWorklist(status('2027-04-01'), '2027-04-01', 6)).toBe(true);
    const complete = status('2027-04-01', {
      kind: 'dtn',
      steps: [
        { step: 'transition_assessment_decided', on: '2027-01-01' },
        { step: 'not_care_leaver', on: '2027-01-01' },
        { step: 'adult_services_declined', on: '2027-01-01' },
      ],
    });
    expect(complete.outstanding).toEqual([]);
    expect(onAdulthoodWorklist(complete, '2027-04-01', 6)).toBe(false);
  });

  it('orders the oldest deadline first', () => {
    const rows = [
      { referralId: 'b', eighteenthBirthday: '2027-01-01' },
      { referralId: 'a', eighteenthBirthday: '2027-01-01' },
      { referralId: 'c', eighteenthBirthday: '2026-12-01' },
    ];
    expect(rows.sort(byDeadline).map((r) => r.referralId)).toEqual(['c', 'a', 'b']);
  });
});

describe('refuseTransitionStep', () => {
  it('names the field of every refusal', () => {
    expect(refuseTransitionStep({ step: 'moved', on: '2027-01-01' }, { today: '2026-12-01', referredOn: '2026-01-01' })).toEqual([
      { path: 'step', message: expect.stringContaining('care_leaver') },
      { path: 'on', message: 'on must not be in the future' },
    ]);
    expect(refuseTransitionStep({ step: 'care_leaver', on: '2025-12-31' }, { today: '2026-12-01', referredOn: '2026-01-01' })).toEqual([
      { path: 'on', message: 'on must not be before the referral (2026-01-01)' },
    ]);
  });
});

describe('countTransitions', () => {
  let next = 0;
  const member = (overrides: Partial<TransitionCohortMember> = {}): TransitionCohortMember => ({
    referralId: `r${++next}`,
    kind: 'nrm',
    referredOn: '2026-01-10',
    assessments: [],
    caseRecordDateOfBirth: null,
    referralDateOfBirth: '2008-05-01',
    steps: [],
    decisions: [],
    adultSupportReferred: false,
    ...overrides,
  });

  it('counts who turned 18 in the period with an open episode, by the NRM decision at 18', () => {
    const counts = countTransitions(
      [
        member({ decisions: [{ type: 'consent_to_stay', outcome: 'consented', decidedOn: '2026-05-02' }], adultSupportReferred: true }),
        member({ decisions: [{ type: 'consent_to_stay', outcome: 'declined', decidedOn: '2026-05-02' }] }),
        member(),
        member({ kind: 'dtn' }),
        member({
          decisions: [
            { type: 'reasonable_grounds', outcome: 'positive', decidedOn: '2026-02-01' },
            { type: 'conclusive_grounds', outcome: 'positive', decidedOn: '2026-04-01' },
          ],
          steps: [
            { step: 'care_leaver', on: '2026-04-02' },
            { step: 'adult_services_accepted', on: '2026-05-03' },
          ],
        }),
        // Not in the period, referred after 18, or found an adult: not counted.
        member({ referralDateOfBirth: '2008-07-01' }),
        member({ referredOn: '2026-05-01' }),
        member({ assessments: [{ assessedOn: '2026-02-01', outcome: 'adult', assessedDateOfBirth: null }] }),
        // Only an assessed date of birth, in the period.
        member({ referralDateOfBirth: null, assessments: [{ assessedOn: '2026-02-01', outcome: 'child', assessedDateOfBirth: '2008-06-30' }] }),
      ],
      '2026-04-01',
      '2026-06-30',
    );
    expect(counts).toEqual({
      turnedEighteen: 6,
      consentedToStay: 1,
      withdrew: 1,
      noDecisionNeeded: 2,
      notYetRecorded: 2,
      referredForAdultSupport: 1,
      acceptedByAdultServices: 1,
      careLeaversRemaining: 1,
    });
  });

  it('counts a person with several referrals once, by the earliest that qualifies', () => {
    const counts = countTransitions(
      [
        member({ personId: 'p1', referredOn: '2026-03-01', adultSupportReferred: true }),
        member({ personId: 'p1', referredOn: '2026-01-05' }),
        member({ personId: null }),
        member({ personId: null }),
      ],
      '2026-04-01',
      '2026-06-30',
    );
    expect(counts.turnedEighteen).toBe(3);
    // The earliest referral of p1 is the one counted, and it has no adult support referral.
    expect(counts.referredForAdultSupport).toBe(0);
  });
});
