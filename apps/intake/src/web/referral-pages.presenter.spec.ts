import { checkReferralRules } from '@app/domain';
import { aReferral } from '../../../../test/support/fixtures';
import { detailsErrors } from './referral-form.presenter';
import type { Principal } from '@app/auth';
import { ListReferralsQuery } from '../referrals/dto/list-referrals.query';
import type { ReferralSummaryView } from '../referrals/referral.presenter';
import { heldInText, listView, placeRows, referralWarnings, routeWhy } from './referral-pages.presenter';

describe(referralWarnings.name, () => {
  const now = new Date('2026-12-05T12:00:00Z');

  it('warns before sending when under 18 was answered but the date of birth makes 18', () => {
    const warnings = referralWarnings({ age: { under18: 'yes' }, potentialVictim: { gender: 'male', nationality: 'ALB', dateOfBirth: '2008-01-01' } }, now);
    expect(warnings).toEqual([expect.stringContaining('You answered that they are under 18, but the date of birth makes them 18')]);
  });

  it('says nothing when the answers agree', () => {
    expect(referralWarnings({ age: { under18: 'yes' }, potentialVictim: { gender: 'male', nationality: 'ALB', dateOfBirth: '2010-01-01' } }, now)).toEqual([]);
    expect(referralWarnings({ age: { under18: 'no' }, potentialVictim: { gender: 'male', nationality: 'ALB' } }, now)).toEqual([]);
  });
});

describe(detailsErrors.name, () => {
  it("says at the date of birth that it makes a child, rather than asking for the child journey's answers", () => {
    const violations = [
      { path: 'localAuthorityContact', message: 'localAuthorityContact is required when the potential victim may be under 18' },
      { path: 'potentialVictim.gender', message: 'gender must be one of the following values: female, male, other' },
    ];
    const errors = detailsErrors(violations, { child: false });
    expect(errors.summary.map((e) => e.text)).toEqual([
      'Date of birth is that of someone under 18: correct it, or go back and answer that they are under 18',
      "Select the potential victim's gender",
    ]);
    expect(errors.summary.map((e) => e.href)).toEqual(['#potentialVictim-dateOfBirth-day', '#potentialVictim-gender']);
    expect(detailsErrors(violations, { child: true }).summary.map((e) => e.href)).toContain('#localAuthorityContact-authority');
  });

  it('on the child journey names every missing field of an empty local-authority section at once', () => {
    const violations = [{ path: 'localAuthorityContact', message: 'localAuthorityContact is required when the potential victim may be under 18' }];
    expect(detailsErrors(violations, { child: true }).summary).toEqual([
      { text: 'Enter the local authority you contacted about the child', href: '#localAuthorityContact-authority' },
      { text: "Enter the local authority's phone number", href: '#localAuthorityContact-phone' },
      { text: "Enter the local authority's email address, like name@example.gov.uk", href: '#localAuthorityContact-email' },
    ]);
  });

  it('says once, at the date of birth, that an impossible date of birth is wrong: it is not read as a child’s', () => {
    // The pages date a referral now, so a date of birth after the referral date is one in the future.
    const now = new Date('2026-12-05T12:00:00Z');
    const future = aReferral({ referredAt: undefined, potentialVictim: { gender: 'female', nationality: 'ALB', dateOfBirth: '2026-12-06' } });
    const errors = detailsErrors(checkReferralRules(future, now), { child: false });
    expect(errors.summary).toEqual([{ text: 'Date of birth must not be in the future', href: '#potentialVictim-dateOfBirth-day' }]);
    const born = detailsErrors([{ path: 'potentialVictim.dateOfBirth', message: 'dateOfBirth must not be after the referral date (2020-01-01)' }]);
    expect(born.fields['potentialVictim.dateOfBirth']).toBe('Date of birth must not be after the referral date (1 January 2020)');
  });
});

describe(listView.name, () => {
  const lead: Principal = { sub: 'lead', role: 'safeguarding_lead' };
  const personId = '7d5f0a4e-3c1b-4a57-9a36-6f1c2b9d8e01';

  it("keeps every filter in the page links, the person's included", () => {
    const query = Object.assign(new ListReferralsQuery(), { kind: 'nrm', from: '2026-04-01', personId });
    const view = listView({ items: [], page: 1, pageSize: 25, total: 60 }, query, lead);
    const { next } = view.pagination as { next: { href: string } };
    expect(Object.fromEntries(new URL(next.href, 'http://pages').searchParams)).toEqual({ kind: 'nrm', from: '1 April 2026', personId, page: '2' });
  });
});

describe(placeRows.name, () => {
  const routedToAis = { route: { system: 'AIS' as const, reason: 'adult', conflict: false, explanation: '' } };
  const rows = (view: Pick<ReferralSummaryView, 'route' | 'caseRecord'>) => placeRows(view).map((r) => `${r.key.text}: ${r.value.text}`);

  it('says a moved case was first sent to one system and is held in the other, on the page and in the list', () => {
    const moved = { ...routedToAis, caseRecord: { system: 'LCS' as const, recordId: '400019' } };
    expect(rows(moved)).toEqual(["First sent to: the adults' case system (AIS)", "Held in: the children's case system (LCS)"]);
    expect(heldInText(moved)).toBe('LCS (first sent to AIS)');
  });

  it('says a referral no case system has yet is to be sent, not sent', () => {
    const notSent = { ...routedToAis, caseRecord: null };
    expect(rows(notSent)).toEqual(["To be sent to: the adults' case system (AIS)"]);
    expect(heldInText(notSent)).toBe('Not yet: to be sent to AIS');
  });

  it('says "Sent to" while the case is held where it was sent', () => {
    const sent = { ...routedToAis, caseRecord: { system: 'AIS' as const, recordId: 'SC-000001' } };
    expect(rows(sent)).toEqual(["Sent to: the adults' case system (AIS)"]);
    expect(heldInText(sent)).toBe('AIS');
  });
});

describe(routeWhy.name, () => {
  it('writes the dates of the routing explanation as every page writes dates', () => {
    expect(routeWhy('Conflict: under 18 was answered "yes" but the date of birth gives age 36 on 2026-12-07; treated as a child')).toBe(
      'Conflict: under 18 was answered "yes" but the date of birth gives age 36 on 7 December 2026; treated as a child',
    );
  });
});
