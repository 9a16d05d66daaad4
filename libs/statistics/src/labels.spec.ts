import { caseSystemLabel, decisionOutcomeLabel, firstResponderTypeLabel, genderLabel, kindLabel, locationLabel, nationalityLabel } from './labels';
import { UnknownCategoryError } from './statistics.errors';

describe(genderLabel.name, () => {
  it.each([
    ['female', 'Female'],
    ['male', 'Male'],
    ['other', 'Other'],
    ['not_recorded', 'Not recorded'],
    [null, 'Not recorded'],
    [undefined, 'Not recorded'],
  ])('labels %s as "%s"', (gender, label) => {
    expect(genderLabel(gender)).toBe(label);
  });

  it('refuses an unknown code', () => {
    expect(() => genderLabel('M')).toThrow(UnknownCategoryError);
  });
});

describe(firstResponderTypeLabel.name, () => {
  it.each([
    ['local_authority', 'Local Authority'],
    ['police', 'Police'],
    ['ngo', 'NGO & Third Sector'],
    ['government_agency', 'Government Agency'],
    ['health', 'Health'],
    ['other', 'Other'],
  ])('labels %s as "%s"', (type, label) => {
    expect(firstResponderTypeLabel(type)).toBe(label);
  });

  it('refuses an unknown organisation type', () => {
    expect(() => firstResponderTypeLabel('charity')).toThrow(UnknownCategoryError);
  });

  it('refuses a name inherited from Object', () => {
    expect(() => firstResponderTypeLabel('toString')).toThrow(UnknownCategoryError);
  });
});

describe(locationLabel.name, () => {
  it.each([
    ['uk', 'UK'],
    ['overseas', 'Overseas'],
    ['uk_and_overseas', 'UK and Overseas'],
    ['unknown', 'Not specified or unknown'],
    [null, 'Not specified or unknown'],
  ])('labels %s as "%s"', (location, label) => {
    expect(locationLabel(location)).toBe(label);
  });
});

describe(kindLabel.name, () => {
  it.each([
    ['nrm', 'NRM referral'],
    ['dtn', 'Duty to Notify'],
  ])('labels %s as "%s"', (kind, label) => {
    expect(kindLabel(kind)).toBe(label);
  });
});

describe(caseSystemLabel.name, () => {
  it.each([
    ['AIS', 'AIS'],
    ['LCS', 'LCS'],
    [null, 'Not routed'],
  ])('labels %s as "%s"', (system, label) => {
    expect(caseSystemLabel(system)).toBe(label);
  });

  it('refuses a system other than AIS and LCS', () => {
    expect(() => caseSystemLabel('EHM')).toThrow(UnknownCategoryError);
  });
});

describe(decisionOutcomeLabel.name, () => {
  it('labels a positive decision "Positive"', () => {
    expect(decisionOutcomeLabel('positive')).toBe('Positive');
  });
});

describe(nationalityLabel.name, () => {
  it('labels a dual national with the combined label', () => {
    expect(nationalityLabel('ALB', 'GRC')).toBe('Albanian Greek');
  });

  it('labels British nationals "UK"', () => {
    expect(nationalityLabel('GBR')).toBe('UK');
  });

  it('labels a missing nationality "Unknown"', () => {
    expect(nationalityLabel(null)).toBe('Unknown');
  });
});
