import { birthdayText } from './adulthood-pages.presenter';
import { DECISION_FORM_FIELDS } from './nrm-case.presenter';
import { nationalityWords } from './referral-pages.presenter';
import { percent } from './review-pages.presenter';
import { refuseNrmDecision } from '@app/domain';
import { formErrors } from '@app/web';

describe('small wording on the pages', () => {
  it('joins two nationalities in words', () => {
    expect(nationalityWords('SYR', 'LBN')).toBe('Syrian and Lebanese');
    expect(nationalityWords('SYR')).toBe('Syrian');
    expect(nationalityWords('SYR', 'SYR')).toBe('Syrian');
  });

  it('says a chance too small to show as less than 0.1%, never 0.0%', () => {
    expect(percent(0)).toBe('less than 0.1%');
    expect(percent(0.0001)).toBe('less than 0.1%');
    expect(percent(0.125)).toBe('12.5%');
    expect(percent(1)).toBe('more than 99.9%');
  });

  it('says a birthday long past by its date and years, a recent one in days', () => {
    expect(birthdayText('2026-12-07', '2021-09-20')).toBe('Turned 18 on 20 September 2021, 5 years ago');
    expect(birthdayText('2026-12-07', '2026-05-01')).toBe('Turned 18 on 1 May 2026, 7 months ago');
    expect(birthdayText('2026-12-07', '2026-11-27')).toBe('Turned 18 10 days ago');
    expect(birthdayText('2026-12-07', '2026-12-07')).toBe('Turns 18 today');
    expect(birthdayText('2026-12-07', '2026-12-09')).toBe('2 days until 18');
  });

  it('names the outcomes a decision takes when the one chosen is not one of them', () => {
    const referral = { kind: 'nrm', referredOn: '2026-01-05', under18: 'no', ageDisputed: false, dateOfBirth: null } as const;
    const refused = refuseNrmDecision(referral, [], { type: 'reasonable_grounds', outcome: 'consented', decidedOn: '2026-02-01' }, '2026-12-07');
    const violations = refused?.kind === 'invalid' ? refused.violations : [];
    expect(formErrors(violations, DECISION_FORM_FIELDS).fields.outcome).toBe('Select Positive or Negative for a reasonable grounds decision');
  });
});
