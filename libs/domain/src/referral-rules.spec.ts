import { checkReferralRules, isAnonymousNotification } from './referral-rules';
import { aDutyToNotify, aReferral } from '../../../test/support/fixtures';
import type { Referral } from './referral';

const now = new Date('2026-06-01T12:00:00Z');

const paths = (r: Partial<Referral>) => checkReferralRules(r, now).map((v) => v.path);

describe(checkReferralRules.name, () => {
  it('accepts a consenting adult NRM referral', () => {
    expect(paths(aReferral())).toEqual([]);
  });

  it("judges a date of birth against the UK's calendar day, not UTC's", () => {
    // 23:30 UTC on 7 June 2026 is 00:30 on 8 June in London (BST): a baby born that day is not born in the future.
    const lateEvening = new Date('2026-06-07T23:30:00Z');
    const born = (dateOfBirth: string) =>
      checkReferralRules(
        aReferral({ referredAt: lateEvening.toISOString(), potentialVictim: { gender: 'female', nationality: 'GBR', dateOfBirth } }),
        lateEvening,
      ).map((v) => v.path);
    expect(born('2026-06-08')).not.toContain('potentialVictim.dateOfBirth');
    expect(born('2026-06-09')).toContain('potentialVictim.dateOfBirth');
  });

  it('judges a start of exploitation known to the month or the year as the period it names', () => {
    // Born in 1990 and checked in June 2026: a start from 1990 to this month is possible, none outside it.
    const started = (startDate: string) =>
      paths(
        aReferral({
          potentialVictim: { gender: 'female', nationality: 'ALB', dateOfBirth: '1990-03-04' },
          exploitation: { types: ['sexual'], location: 'uk', startDate },
        }),
      );
    expect(started('2026-06')).toEqual([]);
    expect(started('2026-07')).toEqual(['exploitation.startDate']);
    expect(started('1990')).toEqual([]);
    expect(started('1989')).toEqual(['exploitation.startDate']);
  });

  it('flags county lines only on criminal exploitation', () => {
    const flagged = (exploitation: Partial<Referral['exploitation']>) =>
      paths(aReferral({ exploitation: { location: 'uk', countyLines: true, ...exploitation } as Referral['exploitation'] }));
    expect(flagged({ types: ['criminal'] })).toEqual([]);
    expect(flagged({ homeOfficeTypes: ['forced-to-commit-crime'] })).toEqual([]);
    expect(flagged({ types: ['labour'] })).toEqual(['exploitation.countyLines']);
    expect(flagged({ homeOfficeTypes: ['prostitution'] })).toEqual(['exploitation.countyLines']);
  });

  it('refuses statistics types that contradict the detailed types given with them, naming exploitation.types', () => {
    const typed = (exploitation: Partial<Referral['exploitation']>) =>
      checkReferralRules(aReferral({ exploitation: { location: 'uk', ukTowns: ['Reading'], ...exploitation } as Referral['exploitation'] }), now);
    expect(typed({ types: ['labour', 'sexual'], homeOfficeTypes: ['forced-to-commit-fraud', 'prostitution'] })).toEqual([]);
    expect(typed({ types: ['sexual', 'labour'], homeOfficeTypes: ['prostitution', 'wages-taken', 'forced-to-work'] })).toEqual([]);
    const refused = typed({ types: ['labour'], homeOfficeTypes: ['forced-to-commit-fraud', 'prostitution'] });
    expect(refused).toEqual([{ path: 'exploitation.types', message: expect.stringContaining('(labour, sexual)') }]);
    expect(
      paths(aReferral({ exploitation: { location: 'uk', ukTowns: ['Reading'], types: ['labour', 'criminal'], homeOfficeTypes: ['forced-to-work'] } })),
    ).toEqual(['exploitation.types']);
  });

  it("asks a follow-up of each of the form's yes answers, and refuses one given with no yes", () => {
    const victim = (extra: object) => paths(aReferral({ potentialVictim: { gender: 'female', nationality: 'ALB', ...extra } }));
    expect(victim({ hasChildren: true, numberOfChildren: 2 })).toEqual([]);
    expect(victim({ hasChildren: true })).toEqual(['potentialVictim.numberOfChildren']);
    expect(victim({ hasChildren: false, numberOfChildren: 2 })).toEqual(['potentialVictim.numberOfChildren']);
    expect(victim({ contact: { alternativePhone: '07700 900123' } })).toEqual(['potentialVictim.contact.alternativePhoneRelation']);
    expect(victim({ contact: { phone: '07700 900123', noPhoneReason: 'none' } })).toEqual(['potentialVictim.contact.noPhoneReason']);
    expect(victim({ contact: { safeToPost: true, street: '1 High St' } })).toEqual(['potentialVictim.contact.safeToPost']);
    const exploiters = (e: object) => paths(aReferral({ exploitation: { types: ['sexual'], location: 'uk', exploiters: e } }));
    expect(exploiters({ locationKnown: true, inUk: true, locationDetails: 'Leeds' })).toEqual([]);
    expect(exploiters({ locationKnown: false, inUk: true })).toEqual(['exploitation.exploiters.inUk']);
  });

  it('sends the decision to someone else only with permission, an address, and on an NRM referral', () => {
    expect(paths(aReferral({ decisionRecipient: { email: 'sister@example.org', permissionGiven: true } }))).toEqual([]);
    expect(paths(aReferral({ decisionRecipient: { email: 'sister@example.org', permissionGiven: false } }))).toEqual(['decisionRecipient.permissionGiven']);
    expect(paths(aReferral({ decisionRecipient: { street: '1 High St', permissionGiven: true } }))).toEqual(['decisionRecipient']);
  });

  it('needs consent for an adult NRM referral', () => {
    expect(paths(aReferral({ consentToNrm: false }))).toEqual(['consentToNrm']);
  });

  it('refuses a child notified as a Duty to Notify, and asks for the local authority contact', () => {
    expect(paths(aReferral({ kind: 'dtn', age: { under18: 'yes' }, potentialVictim: { gender: 'male', nationality: 'VNM' } }))).toEqual([
      'kind',
      'localAuthorityContact',
    ]);
  });

  it('treats a date of birth under 18 as a child even when under18 is "no"', () => {
    const r = aReferral({ potentialVictim: { gender: 'male', nationality: 'GBR', dateOfBirth: '2010-01-01' } });
    expect(paths(r)).toEqual(['localAuthorityContact']);
  });

  it('needs no consent from a child', () => {
    const r = aReferral({
      consentToNrm: undefined,
      age: { under18: 'not_sure' },
      localAuthorityContact: { authority: 'Buckinghamshire Council', phone: '01296 395000', email: 'mash@bucks.example' },
    });
    expect(paths(r)).toEqual([]);
  });

  it('keeps an anonymous Duty to Notify free of identity', () => {
    const r = aReferral({ kind: 'dtn', consentToNrm: false });
    expect(paths(r)).toEqual(['potentialVictim.dateOfBirth', 'potentialVictim.firstName', 'potentialVictim.lastName']);
  });

  it('allows names but never a date of birth when the adult co-operates', () => {
    const r = aReferral({ kind: 'dtn', consentToNrm: undefined, cooperatesWithAuthorities: true });
    expect(paths(r)).toEqual(['potentialVictim.dateOfBirth']);
  });

  it('refuses dates of birth on or before 1900-01-01 and in the future', () => {
    const old = aReferral({ potentialVictim: { gender: 'male', nationality: 'GBR', dateOfBirth: '1900-01-01' } });
    const future = aReferral({ potentialVictim: { gender: 'male', nationality: 'GBR', dateOfBirth: '2027-01-01' } });
    expect(paths(old)).toEqual(['potentialVictim.dateOfBirth']);
    expect(paths(future)).toContain('potentialVictim.dateOfBirth');
  });

  it('refuses a referral dated in the future', () => {
    expect(paths(aReferral({ referredAt: '2026-06-02T12:00:00Z' }))).toEqual(['referredAt']);
  });

  it('refuses a referral dated before the NRM began on 1 April 2009 (UK day), naming referredAt', () => {
    expect(checkReferralRules(aReferral({ referredAt: '1850-01-01T00:00:00Z' }), now)).toEqual([
      { path: 'referredAt', message: 'referredAt must not be before 2009-04-01, when the National Referral Mechanism began' },
    ]);
    // 23:30 UTC on 31 March 2009 is 00:30 on 1 April in London (BST): the NRM's first day.
    const victim = { gender: 'female', nationality: 'ALB' } as const;
    expect(paths(aReferral({ referredAt: '2009-03-31T23:30:00Z', potentialVictim: victim }))).toEqual([]);
    expect(paths(aReferral({ referredAt: '2009-03-31T22:30:00Z', potentialVictim: victim }))).toEqual(['referredAt']);
    // The date of birth is not also held against a referral date that is itself refused.
    expect(
      paths(aReferral({ referredAt: '1850-01-01T00:00:00Z', potentialVictim: { gender: 'male', nationality: 'GBR', dateOfBirth: '1990-01-01' } })),
    ).toEqual(['referredAt']);
  });

  it('refuses a Duty to Notify notification dated before the duty began on 1 November 2015, naming referredAt', () => {
    expect(checkReferralRules(aDutyToNotify({ referredAt: '2014-06-01T10:00:00Z' }), now)).toEqual([
      { path: 'referredAt', message: 'referredAt must not be before 2015-11-01 for a Duty to Notify notification, when the duty began' },
    ]);
    expect(paths(aDutyToNotify({ referredAt: '2015-11-01T10:00:00Z' }))).toEqual([]);
    // An NRM referral of the same day is fine: the NRM is older than the duty.
    expect(paths(aReferral({ referredAt: '2014-06-01T10:00:00Z' }))).toEqual([]);
  });

  it('refuses a date of birth after the referral date, naming potentialVictim.dateOfBirth', () => {
    const born = (dateOfBirth: string, referredAt: string) =>
      checkReferralRules(aReferral({ referredAt, potentialVictim: { gender: 'male', nationality: 'GBR', dateOfBirth } }), now);
    expect(born('2022-01-01', '2020-01-01T00:00:00Z')).toEqual([
      { path: 'potentialVictim.dateOfBirth', message: 'dateOfBirth must not be after the referral date (2020-01-01)' },
    ]);
    // Born on the day of the referral (a baby referred at birth), on the UK's calendar day.
    expect(born('2020-06-02', '2020-06-01T23:30:00Z').map((v) => v.path)).not.toContain('potentialVictim.dateOfBirth');
    // A date of birth in the future is one problem, named once.
    expect(born('2027-01-01', '2020-01-01T00:00:00Z')).toEqual([{ path: 'potentialVictim.dateOfBirth', message: 'dateOfBirth must not be in the future' }]);
  });

  it('needs details for an "other" exploitation type', () => {
    expect(paths(aReferral({ exploitation: { types: ['other'], location: 'uk' } }))).toEqual(['exploitation.otherDetails']);
  });

  it('does not throw on a body with no age answers', () => {
    expect(() => checkReferralRules({ kind: 'nrm' }, now)).not.toThrow();
  });
});

describe(isAnonymousNotification.name, () => {
  it('is true only for a Duty to Notify without co-operation', () => {
    expect(isAnonymousNotification({ kind: 'dtn' })).toBe(true);
    expect(isAnonymousNotification({ kind: 'dtn', cooperatesWithAuthorities: true })).toBe(false);
    expect(isAnonymousNotification({ kind: 'nrm' })).toBe(false);
  });
});
