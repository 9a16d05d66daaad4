import { checkReferralRules } from '@app/domain';
import { formErrors } from '@app/web';
import { aReferral } from '../../../../test/support/fixtures';
import { DETAILS_FIELDS } from './referral-form.presenter';

/** The details page's messages say what to do in the form's words, never the API's field names. */
describe('details page errors', () => {
  const CODE_WORDS = /\b(ukTowns|countries|location) is\b|"uk"|"overseas"|elements\b/;

  it('says where to name a place when the location and the places contradict each other', () => {
    const overseas = formErrors(
      checkReferralRules(aReferral({ exploitation: { types: ['labour'], location: 'overseas', ukTowns: ['Slough'] } })),
      DETAILS_FIELDS,
    );
    expect(overseas.fields['exploitation.ukTowns']).toBe(
      'Enter the countries where they were exploited, or select UK or UK and overseas if they were exploited in the UK',
    );
    const uk = formErrors(checkReferralRules(aReferral({ exploitation: { types: ['labour'], location: 'uk', countries: ['FRA'] } })), DETAILS_FIELDS);
    expect(uk.fields['exploitation.countries']).toBe(
      'Enter the UK towns or cities where they were exploited, or select Overseas or UK and overseas if they were exploited outside the UK',
    );
    for (const item of [...overseas.summary, ...uk.summary]) expect(item.text).not.toMatch(CODE_WORDS);
  });

  it('says how many places may be given, in words', () => {
    const errors = formErrors(
      [
        { path: 'exploitation.ukTowns', message: 'ukTowns must contain no more than 10 elements' },
        { path: 'exploitation.countries', message: 'countries must contain no more than 10 elements' },
      ],
      DETAILS_FIELDS,
    );
    expect(errors.fields).toEqual({
      'exploitation.ukTowns': 'Enter no more than 10 UK towns or cities',
      'exploitation.countries': 'Enter no more than 10 countries',
    });
  });
});
