import { toAlpha3 } from './countries';
import { HOME_OFFICE_COUNTRIES, HOME_OFFICE_NATIONALITIES, homeOfficeCountryOf, homeOfficeNationalityOf } from './home-office-lists';

describe('the Home Office form lists', () => {
  it('reads every nationality on the form', () => {
    const unread = HOME_OFFICE_NATIONALITIES.filter((n) => n !== 'Unknown' && !toAlpha3(n));
    expect(unread).toEqual([]);
  });

  it('reads every country on the form', () => {
    expect(HOME_OFFICE_COUNTRIES.filter((c) => !toAlpha3(c))).toEqual([]);
  });

  it.each([
    ['Icelandic', 'ISL'],
    ['Kosovan', 'XKX'],
    ['Congolese (DRC)', 'COD'],
    ['Congolese (Congo)', 'COG'],
    ['Citizen of Bosnia and Herzegovina', 'BIH'],
    ['Liechtenstein citizen', 'LIE'],
    ['Citizen of the Dominican Republic', 'DOM'],
    ['Turkey', 'TUR'],
    ['The Gambia', 'GMB'],
  ])('reads %s as %s', (text, alpha3) => {
    expect(toAlpha3(text)).toBe(alpha3);
  });

  it('keeps "Unknown" a stated unknown', () => {
    expect(toAlpha3('Unknown')).toBe('UNK');
  });
});

describe('codes written as the form writes them', () => {
  it('writes each code back as the form lists it', () => {
    expect([
      homeOfficeNationalityOf('ISL'),
      homeOfficeNationalityOf('XKX'),
      homeOfficeNationalityOf('UNK'),
      homeOfficeCountryOf('TUR'),
      homeOfficeCountryOf('COD'),
    ]).toEqual(['Icelandic', 'Kosovan', 'Unknown', 'Turkey', 'Congo (Democratic Republic)']);
  });
});
