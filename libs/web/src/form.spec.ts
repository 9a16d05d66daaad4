import { assetLocation } from './assets.controller';
import { dateField, formErrors, inSentence, linesField, listField, parseTypedDate } from './form';
import { dateTime, longDate, shortDate } from './page.renderer';
import { safeReturnTo } from './page.errors';

const FIELDS = {
  'a.name': { target: 'a-name', label: 'Your name', missing: 'Enter your name' },
  'b.dateOfBirth': { target: 'b-dateOfBirth-day', label: 'Date of birth' },
  'c.contact.email': { target: 'c-contact-email', label: 'Email' },
};

describe(formErrors.name, () => {
  it('says what to do about an answer left out, once, whatever checks it failed', () => {
    const errors = formErrors(
      [
        { path: 'a.name', message: 'name must be shorter than or equal to 200 characters' },
        { path: 'a.name', message: 'name should not be empty' },
      ],
      FIELDS,
    );
    expect(errors.summary).toEqual([{ text: 'Enter your name', href: '#a-name' }]);
    expect(errors.fields).toEqual({ 'a.name': 'Enter your name' });
  });

  it('says an answer that is no number must be a number, not that it is out of range', () => {
    const fields = { 'd.numberOfChildren': { target: 'd-numberOfChildren', label: 'Number of children' } };
    const errors = formErrors(
      [
        { path: 'd.numberOfChildren', message: 'numberOfChildren must not be greater than 30' },
        { path: 'd.numberOfChildren', message: 'numberOfChildren must not be less than 1' },
        { path: 'd.numberOfChildren', message: 'numberOfChildren must be an integer number' },
      ],
      fields,
    );
    expect(errors.summary).toEqual([{ text: 'Number of children must be a whole number, like 2', href: '#d-numberOfChildren' }]);
  });

  it("words a rule's message with the field's label and dates as people write them", () => {
    const errors = formErrors([{ path: 'b.dateOfBirth', message: 'dateOfBirth must be after 1900-01-01' }], FIELDS);
    expect(errors.fields['b.dateOfBirth']).toBe('Date of birth must be after 1 January 1900');
    expect(errors.summary[0].href).toBe('#b-dateOfBirth-day');
  });

  it('lists problems in the order of the page, and sends a parent path to its first field', () => {
    const errors = formErrors(
      [
        { path: 'c.contact', message: 'contact must be an object' },
        { path: 'b.dateOfBirth', message: 'dateOfBirth must be a date written YYYY-MM-DD' },
        { path: 'kind', message: 'kind must be "nrm"' },
      ],
      FIELDS,
      (path) => (path === 'kind' ? '/start' : undefined),
    );
    expect(errors.summary.map((s) => s.href)).toEqual(['/start', '#b-dateOfBirth-day', '#c-contact-email']);
    expect(errors.fields['b.dateOfBirth']).toBe('Date of birth must be a real date');
  });
});

describe('form fields', () => {
  it('reads a GOV.UK date input as written, for the API to judge', () => {
    expect(dateField({ 'd-day': '7', 'd-month': '3', 'd-year': '2011' }, 'd')).toBe('2011-03-07');
    expect(dateField({ 'd-day': '', 'd-month': '', 'd-year': '' }, 'd')).toBeUndefined();
    expect(dateField({ 'd-day': '30', 'd-month': '2', 'd-year': '' }, 'd')).toBe('-02-30');
  });

  it('reads checkboxes and lines', () => {
    expect(listField({ t: 'labour' }, 't')).toEqual(['labour']);
    expect(listField({ t: ['labour', 'sexual'] }, 't')).toEqual(['labour', 'sexual']);
    expect(linesField({ l: 'Aylesbury\r\n\r\n High Wycombe ' }, 'l')).toEqual(['Aylesbury', 'High Wycombe']);
    expect(linesField({ l: '  ' }, 'l')).toBeUndefined();
  });
});

describe(safeReturnTo.name, () => {
  it('returns only to a path on this site', () => {
    expect(safeReturnTo('/referrals?kind=nrm')).toBe('/referrals?kind=nrm');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'referrals', '/a b', undefined]) expect(safeReturnTo(bad)).toBeUndefined();
  });
});

describe(assetLocation.name, () => {
  it('serves GOV.UK Frontend and our own files, and nothing above them', () => {
    expect(assetLocation(['govuk-frontend.min.css'])?.file).toBe('govuk-frontend.min.css');
    expect(assetLocation(['fonts', 'bold-b542beb274-v2.woff2'])?.root).toMatch(/govuk-frontend\/dist\/govuk\/assets$/);
    expect(assetLocation(['web', 'init.js'])?.file).toBe('init.js');
    for (const bad of [['..', 'package.json'], ['web', '..', 'x'], ['.env'], ['all.bundle.js'], []]) expect(assetLocation(bad)).toBeUndefined();
  });
});

describe(parseTypedDate.name, () => {
  it.each([
    ['5/12/2026', '2026-12-05'],
    ['05-12-2026', '2026-12-05'],
    ['5.12.2026', '2026-12-05'],
    ['2026-12-05', '2026-12-05'],
    ['5 December 2026', '2026-12-05'],
    ['5 Dec 2026', '2026-12-05'],
    ['29/2/2024', '2024-02-29'],
  ])('reads %s as %s', (typed, iso) => expect(parseTypedDate(typed)).toBe(iso));

  it.each(['31/2/2026', '12/2026', 'Hoxha', '5 Decembre 2026', '2026-13-01', ''])('reads no date in %s', (typed) => {
    expect(parseTypedDate(typed)).toBeUndefined();
  });
});

describe(dateTime.name, () => {
  it('writes an instant in UK time, GOV.UK style', () => {
    expect(dateTime('2026-12-05T14:03:00Z')).toBe('5 December 2026 at 2:03pm');
    expect(dateTime('2026-06-05T11:00:00Z')).toBe('5 June 2026 at midday');
    expect(dateTime('2026-06-04T23:00:00Z')).toBe('5 June 2026 at midnight');
    expect(dateTime('2026-12-05T09:30:00Z')).toBe('5 December 2026 at 9:30am');
    expect(longDate('2025-03')).toBe('March 2025');
  });

  it("cuts a day's month to three letters for a table, and keeps a month or a year as it is", () => {
    expect(shortDate('2026-09-17')).toBe('17 Sep 2026');
    expect(shortDate('2026-06-04T23:30:00Z')).toBe('5 Jun 2026');
    expect(shortDate('2025-03')).toBe('March 2025');
    expect(shortDate('2025')).toBe('2025');
    expect(shortDate(undefined)).toBe('');
  });
});

describe(inSentence.name, () => {
  it('lower-cases a label to follow "Change", keeping acronyms and proper nouns as written', () => {
    expect(inSentence('Consents to an NRM referral')).toBe('consents to an NRM referral');
    expect(inSentence('Date of birth')).toBe('date of birth');
    expect(inSentence('NHS number')).toBe('NHS number');
    expect(inSentence('UK towns or cities')).toBe('UK towns or cities');
    expect(inSentence('DtN reason')).toBe('DtN reason');
    expect(inSentence('Home Office reference')).toBe('Home Office reference');
    expect(inSentence("The potential victim's background")).toBe("the potential victim's background");
  });
});
