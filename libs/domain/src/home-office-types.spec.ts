import { checkReferralRules } from './referral-rules';
import { effectiveExploitationTypes, HOME_OFFICE_EXPLOITATION_TYPES, statisticsTypesOf } from './home-office-types';
import { aReferral } from '../../../test/support/fixtures';
import type { Referral } from './referral';

describe(statisticsTypesOf.name, () => {
  it('maps forced fraud to labour and prostitution to sexual exploitation', () => {
    expect(statisticsTypesOf(['forced-to-commit-fraud', 'prostitution'])).toEqual(['labour', 'sexual']);
  });

  it('gives every detailed type a statistics type, each once', () => {
    expect(statisticsTypesOf(HOME_OFFICE_EXPLOITATION_TYPES)).toEqual(['labour', 'sexual', 'criminal', 'domestic_servitude', 'organ_harvesting', 'other']);
  });

  it('keeps the statistics types given beside the detailed ones', () => {
    expect(effectiveExploitationTypes({ types: ['criminal'], homeOfficeTypes: ['prostitution'] })).toEqual(['criminal']);
  });
});

describe('the form location rule', () => {
  const referral = (exploitation: object): Referral => ({ ...aReferral(), exploitation: exploitation as Referral['exploitation'] });
  const paths = (exploitation: object) => checkReferralRules(referral(exploitation)).map((v) => v.path);

  it('refuses a UK location described only by overseas countries', () => {
    expect(paths({ types: ['labour'], location: 'uk', countries: ['FRA'] })).toEqual(['exploitation.countries']);
  });

  it('refuses an overseas location described only by UK towns', () => {
    expect(paths({ types: ['labour'], location: 'overseas', ukTowns: ['Slough'] })).toEqual(['exploitation.ukTowns']);
  });

  it('accepts each location with its own places, or with none', () => {
    expect(paths({ types: ['labour'], location: 'uk', ukTowns: ['Slough'] })).toEqual([]);
    expect(paths({ types: ['labour'], location: 'overseas', countries: ['FRA'] })).toEqual([]);
    expect(paths({ types: ['labour'], location: 'uk_and_overseas', ukTowns: ['Slough'], countries: ['FRA'] })).toEqual([]);
    expect(paths({ types: ['labour'], location: 'uk' })).toEqual([]);
  });

  it('asks for the details of "other" given as a detailed type', () => {
    expect(paths({ homeOfficeTypes: ['other'], location: 'uk' })).toEqual(['exploitation.otherDetails']);
  });
});
