import { assetLocation } from './assets.controller';
import { dateField, formErrors, linesField, listField } from './form';
import { safeReturnTo } from './page.errors';

const FIELDS = {
  'a.name': { target: 'a-name', label: 'Your name', missing: 'Enter your name' },
  'b.dateOfBirth': { target: 'b-dateOfBirth-day', label: 'Date of birth' },
  'c.contact.email': { target: 'c-contact-email', label: 'Email' },
};

describe(formErrors.name, () => {
  it('says what to do about an answer left out, once, whatever checks it failed', () => {
    const errors = formErrors([
      { path: 'a.name', message: 'name must be shorter than or equal to 200 characters' },
      { path: 'a.name', message: 'name should not be empty' },
    ], FIELDS);
    expect(errors.summary).toEqual([{ text: 'Enter your name', href: '#a-name' }]);
    expect(errors.fields).toEqual({ 'a.name': 'Enter your name' });
  });

  it("words a rule's message with the field's label and dates as people write them", () => {
    const errors = formErrors([{ path: 'b.dateOfBirth', message: 'dateOfBirth must be after 1900-01-01' }], FIELDS);
    expect(errors.fields['b.dateOfBirth']).toBe('Date of birth must be after 1 January 1900');
    expect(errors.summary[0].href).toBe('#b-dateOfBirth-day');
  });

  it('lists problems in the order of the page, and sends a parent path to its first field', () => {
    const errors = formErrors([
      { path: 'c.contact', message: 'contact must be an object' },
      { path: 'b.dateOfBirth', message: 'dateOfBirth must be a date written YYYY-MM-DD' },
      { path: 'kind', message: 'kind must be "nrm"' },
    ], FIELDS, (path) => (path === 'kind' ? '/start' : undefined));
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
