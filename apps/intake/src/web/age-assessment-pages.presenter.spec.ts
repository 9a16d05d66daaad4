import { InvalidRequestError } from '@app/common';
import { refuseAgeAssessment } from '@app/domain';
import { formErrors, validateQuery } from '@app/web';
import { RecordAgeAssessmentDto } from '../referrals/dto/record-age-assessment.dto';
import type { ReferralView, TransitionView } from '../referrals/referral.presenter';
import { AGE_ASSESSMENT_FIELDS, ageAssessmentRows, savedAssessmentMessage } from './age-assessment-pages.presenter';

const context = { today: '2026-12-07', referredOn: '2026-11-01' };
const wording = (violations: Parameters<typeof formErrors>[0]) => formErrors(violations, AGE_ASSESSMENT_FIELDS);

async function refusalOf(answers: Record<string, unknown>) {
  try {
    await validateQuery(RecordAgeAssessmentDto, answers);
  } catch (error) {
    if (error instanceof InvalidRequestError) return wording(error.errors);
    throw error;
  }
  throw new Error('the answers were accepted');
}

describe('the age assessment form in a caseworker’s words', () => {
  it('asks for each answer left out, naming its field, in the order the form asks them', async () => {
    const errors = await refusalOf({});
    expect(errors.summary).toEqual([
      { text: 'Enter the date of the age assessment', href: '#assessedOn-day' },
      { text: 'Select whether the assessment found an adult or a child', href: '#outcome' },
      { text: 'Enter the local authority that assessed their age', href: '#authority' },
    ]);
  });

  it('calls a date that is no date unreal, and a long name too long', async () => {
    const errors = await refusalOf({ assessedOn: '2026-02-30', outcome: 'adult', assessedDateOfBirth: '2000--01', authority: 'x'.repeat(201) });
    expect(errors.fields).toEqual({
      assessedOn: 'Date of the age assessment must be a real date',
      assessedDateOfBirth: 'Date of birth the assessment gave must be a real date',
      authority: 'Local authority that assessed their age must be 200 characters or fewer',
    });
  });

  it('says the rules on the day and the date of birth as what to put right, never by the API’s field names', () => {
    const fields = (request: Parameters<typeof refuseAgeAssessment>[0]) => wording(refuseAgeAssessment(request, context)).fields;
    expect(fields({ assessedOn: '2026-12-08', outcome: 'adult' })).toEqual({ assessedOn: 'Date of the age assessment must not be in the future' });
    expect(fields({ assessedOn: '2026-10-31', outcome: 'adult' })).toEqual({
      assessedOn: 'Date of the age assessment must not be before the referral (1 November 2026)',
    });
    expect(fields({ assessedOn: '2026-12-01', outcome: 'adult', assessedDateOfBirth: '2026-12-02' })).toEqual({
      assessedDateOfBirth: 'Date of birth the assessment gave must be before the date of the age assessment',
    });
    expect(fields({ assessedOn: '2026-12-01', outcome: 'adult', assessedDateOfBirth: '2012-01-01' })).toEqual({
      assessedDateOfBirth:
        'Date of birth the assessment gave makes them 14 on the day assessed: for an adult it must be at least 18 years before the assessment',
    });
    expect(fields({ assessedOn: '2026-12-01', outcome: 'child', assessedDateOfBirth: '1990-01-01' })).toEqual({
      assessedDateOfBirth:
        'Date of birth the assessment gave makes them 36 on the day assessed: for a child it must be less than 18 years before the assessment',
    });
    expect(fields({ assessedOn: '2026-12-01', outcome: 'child', assessedDateOfBirth: '1899-12-31' })).toEqual({
      assessedDateOfBirth: 'Date of birth the assessment gave must be after 1 January 1900',
    });
    for (const text of Object.values(fields({ assessedOn: '2030-01-01', outcome: 'adult', assessedDateOfBirth: '2012-01-01' }))) {
      expect(text).not.toMatch(/assessedOn|assessedDateOfBirth|"adult"|\d{4}-\d{2}-\d{2}/);
    }
  });
});

/** An assessment as the API's view lists it. */
const assessment = (assessedOn: string, recordedAt: string, outcome = 'adult') => ({
  id: assessedOn,
  assessedOn,
  outcome,
  assessedDateOfBirth: null,
  authority: 'Bucks',
  recordedAt,
});

describe(savedAssessmentMessage.name, () => {
  const inLcs = { caseRecord: { system: 'LCS' as const, recordId: 'C-1' }, route: { system: 'LCS' as const, reason: '', conflict: false, explanation: '' } };
  const move = (to: 'AIS' | 'LCS', status = 'pending'): TransitionView => ({
    id: 't',
    from: { system: to === 'AIS' ? 'LCS' : 'AIS', recordId: 'C-1' },
    to: { system: to, recordId: null },
    reason: to === 'AIS' ? 'age_assessment_adult' : 'age_assessment_child',
    effectiveOn: '2026-12-01',
    status,
    keepsSourceOpen: false,
    recordedAt: '2026-12-07T10:00:00Z',
    completedAt: null,
  });

  it("says the case is moving to adults' services after an adult finding on a children's case", () => {
    const after = { ...inLcs, ageAssessments: [assessment('2026-12-01', '2026-12-07T10:00:00Z')] };
    expect(savedAssessmentMessage({ assessedOn: '2026-12-01', outcome: 'adult' }, move('AIS'), after)).toBe(
      "Saved: the age assessment of 1 December 2026, which found an adult. The case is moving to adults' services: an adult record is being opened in AIS, linked to the LCS contact, and LCS closes the contact as transferred.",
    );
  });

  it("says the case is moving to children's services after a child finding on an adult's case", () => {
    const after = { ...inLcs, ageAssessments: [assessment('2026-12-01', '2026-12-07T10:00:00Z', 'child')] };
    expect(savedAssessmentMessage({ assessedOn: '2026-12-01', outcome: 'child' }, move('LCS'), after)).toContain(
      "The case is moving to children's services: the referral is being sent to LCS, and AIS closes its record.",
    );
  });

  it('says a finding that moves nothing why: the case is already there, or a later assessment decides', () => {
    const one = { ...inLcs, ageAssessments: [assessment('2026-12-01', '2026-12-07T10:00:00Z', 'child')] };
    expect(savedAssessmentMessage({ assessedOn: '2026-12-01', outcome: 'child' }, null, one)).toBe(
      "Saved: the age assessment of 1 December 2026, which found a child. The case stays in the children's case system (LCS).",
    );
    const late = { ...inLcs, ageAssessments: [assessment('2026-12-03', '2026-12-06T10:00:00Z', 'child'), assessment('2026-12-01', '2026-12-07T10:00:00Z')] };
    expect(savedAssessmentMessage({ assessedOn: '2026-12-01', outcome: 'adult' }, null, late)).toContain(
      'An assessment dated later is already recorded, so this one is kept as history and does not move the case.',
    );
  });
});

describe(ageAssessmentRows.name, () => {
  it('lists the assessments by the day assessed, the latest last and marked current', () => {
    const view: Pick<ReferralView, 'ageAssessments'> = {
      ageAssessments: [assessment('2026-12-03', '2026-12-06T10:00:00Z', 'child'), assessment('2026-12-01', '2026-12-07T10:00:00Z')],
    };
    expect(ageAssessmentRows(view).map((r) => [r.assessedOn, r.finding, r.current])).toEqual([
      ['2026-12-01', 'An adult (18 or over)', false],
      ['2026-12-03', 'A child (under 18)', true],
    ]);
  });
});
