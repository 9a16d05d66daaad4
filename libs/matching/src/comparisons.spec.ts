import { BatchComparer, comparePair, COMPARISONS, ComparisonName, NULL_LEVEL } from './comparisons';
import { LinkageRecord, prepareRecord } from './record';

function level(name: ComparisonName, a: Partial<LinkageRecord>, b: Partial<LinkageRecord>): string {
  const c = COMPARISONS.find((x) => x.name === name)!;
  const l = c.compare(prepareRecord({ recordId: 'A', ...a }), prepareRecord({ recordId: 'B', ...b }));
  return l === NULL_LEVEL ? 'missing' : c.levels[l].id;
}

const named = (first: string, last: string, extra: Partial<LinkageRecord> = {}): Partial<LinkageRecord> => ({
  firstName: first,
  lastName: last,
  ...extra,
});

describe('given and family name levels', () => {
  it.each([
    ['exact', named('Ardit', 'Hoxha'), named('ARDIT', 'hoxha'), 'exact', 'exact'],
    ['multi-part joined', named('Abdul Rahman', 'Ali'), named('Abdulrahman', 'Ali'), 'exact', 'exact'],
    ['transliteration', named('Mohammed', 'Ali'), named('Muhammad', 'Aly'), 'variant', 'variant'],
    ['diacritics', named('Van Nam', 'Nguyễn', { nationality: 'VNM' }), named('Van Nam', 'Nguyen', { nationality: 'VNM' }), 'exact', 'exact'],
    ['swapped', named('Green', 'Mitchell'), named('Mitchell', 'Green'), 'swapped', 'swapped'],
    ['swapped, with a keying error in one part', named('Dylan', 'Ali'), named('Ai', 'Dylan'), 'swapped', 'swapped'],
    ['fuzzy', named('Jonathon', 'Thompson'), named('Jonathan', 'Thomson'), 'fuzzy', 'fuzzy'],
    ['one keying error near the start of a longer name', named('Hamza', 'Kastrati'), named('Hjmza', 'Kstrati'), 'fuzzy', 'fuzzy'],
    ['one letter apart in a short name is not the same name', named('Dana', 'Hoxha'), named('Dina', 'Hoxha'), 'phonetic', 'exact'],
    ['two neighbours swapped in a four-letter name are a keying slip', named('Jack', 'Mills'), named('Ajck', 'Mills'), 'fuzzy', 'exact'],
    ['token (patronymic)', named('Yonas', 'Tesfay', { nationality: 'ERI' }), named('Yonas Tesfay', 'Gebremedhin', { nationality: 'ERI' }), 'exact', 'token'],
    ['phonetic', named('Catherine', 'Smythe'), named('Kathrin', 'Smith'), 'phonetic', 'phonetic'],
    ['different', named('John', 'Smith'), named('Peter', 'Jones'), 'different', 'different'],
  ])('%s', (_label, a, b, given, family) => {
    expect(level('given_name', a, b)).toBe(given);
    expect(level('family_name', a, b)).toBe(family);
  });

  it('matches through a recorded alias', () => {
    expect(level('given_name', { firstName: 'Kiki', lastName: 'Hoxha' }, { firstName: 'Ardit', lastName: 'Hoxha', aliases: ['Kiki'] })).toBe('alias');
  });

  it('finds a lone name keyed in the other field', () => {
    expect(level('given_name', { firstName: 'Poulson' }, named('Billy', 'Poulson'))).toBe('swapped');
    expect(level('family_name', { firstName: 'Poulson' }, named('Billy', 'Poulson'))).toBe('missing');
  });

  it('counts a shortened given name as a variant and an initial as only an initial', () => {
    expect(level('given_name', named('Bart', 'Bull'), named('Bartholomew', 'Bull'))).toBe('variant');
    expect(level('given_name', named('J.', 'Smith'), named('John', 'Smith'))).toBe('initial');
  });

  it('shares name tokens only within the same part of the name', () => {
    // A given name that is the other record's family name is how relatives' names look (patronymics).
    expect(level('given_name', named('Mubarak', 'Ali', { nationality: 'SDN' }), named('Maryam', 'Mubarak', { nationality: 'SDN' }))).toBe('different');
    expect(level('family_name', named('Rami', 'Al-Janabi'), named('Rami', 'Al-Azzawi'))).toBe('different');
  });

  it('does not hear two Vietnamese given names as alike through the shared middle name Van', () => {
    expect(level('given_name', named('Van Long', 'Truong', { nationality: 'VNM' }), named('Van Hieu', 'Truong', { nationality: 'VNM' }))).toBe('different');
  });

  it('reads differing family names of patronymic nationalities as their own level', () => {
    expect(level('family_name', named('Yonas', 'Tesfay', { nationality: 'ERI' }), named('Yonas', 'Gebremedhin', { nationality: 'Eritrean' }))).toBe(
      'different_patronymic',
    );
    expect(level('family_name', named('Ardit', 'Hoxha', { nationality: 'ALB' }), named('Ardit', 'Gashi', { nationality: 'ALB' }))).toBe('different');
  });

  it('compares middle names', () => {
    expect(level('middle_names', { firstName: 'Megan', middleNames: 'Anna' }, { firstName: 'Megan', middleNames: 'anna' })).toBe('exact');
    expect(level('middle_names', { firstName: 'John', middleNames: 'Henry James' }, { firstName: 'John', middleNames: 'Henry' })).toBe('shared');
    expect(level('middle_names', { firstName: 'John', middleNames: 'H' }, { firstName: 'John', middleNames: 'Henry' })).toBe('initial');
    expect(level('middle_names', { firstName: 'John', middleNames: 'Henry' }, { firstName: 'John' })).toBe('missing');
  });

  it('takes a keying slip in a middle name for the same middle name, but not a short one a letter apart', () => {
    expect(level('middle_names', { firstName: 'Tesfay', middleNames: 'Gebremedhin' }, { firstName: 'Tesfay', middleNames: 'Gebremdhin' })).toBe('fuzzy');
    expect(level('middle_names', { firstName: 'Ali', middleNames: 'Mohammed' }, { firstName: 'Ali', middleNames: 'Mohamed' })).toBe('fuzzy');
    expect(level('middle_names', { firstName: 'Nga', middleNames: 'Minh' }, { firstName: 'Nga', middleNames: 'Linh' })).toBe('different');
    expect(level('middle_names', { firstName: 'Long', middleNames: 'Van' }, { firstName: 'Long', middleNames: 'Thi' })).toBe('different');
  });

  it('is missing when either record has no name', () => {
    expect(level('given_name', { lastName: 'Hoxha' }, named('Ardit', 'Hoxha'))).toBe('missing');
  });
});

describe('date of birth levels', () => {
  it.each([
    ['2001-04-12', '2001-04-12', false, 'exact'],
    ['2001-04-12', '2001-12-04', false, 'day_month_swapped'],
    ['2001-04-12', '2001-04-13', false, 'one_edit'],
    ['2001-04-12', '2001-05-02', false, 'within_month'],
    ['2001-04-12', '2003-11-30', false, 'different'],
    ['1802-01-01', '1802-01-01', false, 'same_placeholder'],
    ['2001-01-01', '2001-09-30', false, 'same_year'],
    ['2002-01-01', '2001-04-12', true, 'near_year'],
    ['2003-01-01', '2001-04-12', true, 'two_years'],
    ['2006-01-01', '2001-04-12', true, 'few_years'],
    ['2007-01-01', '2001-04-12', true, 'far_apart'],
    ['2001-04-12', '2004-09-27', false, 'different'],
    ['2001-04-12', '2006-12-31', false, 'different'],
    ['1994-06-18', '2006-10-02', false, 'far_apart'],
  ])('%s vs %s (estimated %s) is %s', (a, b, estimated, expected) => {
    expect(level('date_of_birth', { dateOfBirth: a, dobEstimated: estimated }, { dateOfBirth: b })).toBe(expected);
  });

  it('gives an estimated date only the weak levels unless it falls on the same day', () => {
    expect(level('date_of_birth', { dateOfBirth: '2001-04-12', dobEstimated: true }, { dateOfBirth: '2001-04-12' })).toBe('estimate_same_day');
    expect(level('date_of_birth', { dateOfBirth: '2001-04-12', dobEstimated: true }, { dateOfBirth: '2001-04-13' })).toBe('same_year');
    expect(level('date_of_birth', { dateOfBirth: '2001-01-01', dobEstimated: true }, { dateOfBirth: '2001-01-01' })).toBe('same_year');
  });
});

describe('other comparisons', () => {
  it('sex and nationality agree or differ', () => {
    expect(level('sex', { sex: 'F' }, { sex: 'female' })).toBe('agree');
    expect(level('sex', { sex: 'M' }, { sex: 'female' })).toBe('different');
    expect(level('nationality', { nationality: 'Eritrean' }, { nationality: 'ER' })).toBe('agree');
    expect(level('nationality', { nationality: 'Eritrean' }, { nationality: 'ETH' })).toBe('different');
  });

  it('NHS numbers compare only when valid', () => {
    expect(level('nhs_number', { nhsNumber: '9434765919' }, { nhsNumber: '943 476 5919' })).toBe('exact');
    expect(level('nhs_number', { nhsNumber: '9434765919' }, { nhsNumber: '9434765918' })).toBe('missing');
  });

  it('other ids: exact, cross-reference to the other record, typing errors', () => {
    expect(level('other_id', { otherId: 'HO-123456' }, { otherId: 'ho 123456' })).toBe('exact');
    expect(level('other_id', { otherId: 'LCS-0000042' }, {})).toBe('missing');
    const c = COMPARISONS.find((x) => x.name === 'other_id')!;
    const adult = prepareRecord({ recordId: 'AIS-1', otherId: 'LCS-0000042', firstName: 'a' });
    const child = prepareRecord({ recordId: 'LCS-0000042', firstName: 'a' });
    expect(c.levels[c.compare(adult, child)].id).toBe('cross_reference');
    expect(level('other_id', { otherId: '1234567' }, { otherId: '1234576' })).toBe('one_edit');
    expect(level('other_id', { otherId: '1234567' }, { otherId: '1234598' })).toBe('two_edits');
    expect(level('other_id', { otherId: '1234567' }, { otherId: '7654321' })).toBe('different');
  });

  it('postcodes: exact, sector, district', () => {
    expect(level('postcode', { postcode: 'HP19 8FF' }, { postcode: 'hp198ff' })).toBe('exact');
    expect(level('postcode', { postcode: 'HP19 8FF' }, { postcode: 'HP19 8QA' })).toBe('sector');
    expect(level('postcode', { postcode: 'HP19 8FF' }, { postcode: 'HP19 7QA' })).toBe('district');
    expect(level('postcode', { postcode: 'HP19 8FF' }, { postcode: 'SL1 2AB' })).toBe('different');
  });

  it('addresses by shared words', () => {
    expect(level('address', { address: '6 Tullaroop Street' }, { address: '6 tullaroop street' })).toBe('exact');
    expect(level('address', { address: '6 Tullaroop Street Willaroo' }, { address: '6 Tullaroop Stret Willaroo' })).toBe('most_words');
    expect(level('address', { address: '6 Tullaroop Street' }, { address: '9 Kings Road' })).toBe('different');
  });
});

describe('age at referral', () => {
  const lcs = (referralDate: string, extra: Partial<LinkageRecord> = {}): Partial<LinkageRecord> => ({ sourceSystem: 'LCS', referralDate, ...extra });
  const ais = (referralDate: string, extra: Partial<LinkageRecord> = {}): Partial<LinkageRecord> => ({ sourceSystem: 'AIS', referralDate, ...extra });

  it.each([
    [
      'a child in LCS with no date of birth, and a date of birth that makes them a child then',
      lcs('2020-03-01'),
      ais('2024-01-10', { dateOfBirth: '2005-06-01' }),
      'consistent',
    ],
    [
      'a child in LCS with no date of birth, and a date of birth that makes them 30 then',
      lcs('2020-03-01'),
      ais('2024-01-10', { dateOfBirth: '1990-06-01' }),
      'inconsistent',
    ],
    [
      'an adult in AIS with no date of birth, and a date of birth that makes them 15 then',
      ais('2019-12-05'),
      lcs('2019-04-18', { dateOfBirth: '2004-10-25' }),
      'inconsistent',
    ],
    [
      'an estimated year one off the boundary still fits',
      lcs('2020-03-01'),
      ais('2024-01-10', { dateOfBirth: '2002-01-01', dobEstimated: true }),
      'consistent',
    ],
    ['no date of birth on either: adult in 2019, child in 2020', ais('2019-05-01'), lcs('2020-05-01'), 'inconsistent'],
    ['no date of birth on either: child in 2019, adult in 2021', lcs('2019-05-01'), ais('2021-05-01'), 'consistent'],
    [
      'both dates of birth present: left to the date-of-birth comparison',
      lcs('2020-03-01', { dateOfBirth: '2005-06-01' }),
      ais('2024-01-10', { dateOfBirth: '1990-06-01' }),
      'missing',
    ],
    [
      'a transferred record keeps its first referral date, so its system says nothing',
      ais('2020-03-01', { otherId: 'LCS-0000001' }),
      lcs('2019-01-01', { dateOfBirth: '2010-01-05' }),
      'missing',
    ],
    ['no system or referral date', { firstName: 'A' }, { dateOfBirth: '1990-01-05' }, 'missing'],
  ])('%s', (_label, a, b, expected) => {
    expect(level('age_at_referral', a, b)).toBe(expected);
    expect(level('age_at_referral', b, a)).toBe(expected);
  });
});

describe('BatchComparer', () => {
  it('gives exactly the levels comparePair gives, for records that repeat names and addresses', () => {
    const records = [
      named('Ardit', 'Hoxha', { dateOfBirth: '1990-04-02', address: '1 High Street Leeds' }),
      named('Ardit', 'Hoxha', { dateOfBirth: '1990-02-04', address: '1 High Street Leeds', nationality: 'ALB' }),
      named('Hoxha', 'Ardit', { address: '1 High St Leeds' }),
      named('Yonas', 'Tesfay', { nationality: 'ERI' }),
      named('Yonas', 'Gebremedhin', { nationality: 'ERI' }),
      named('Yonas', 'Gebremedhin', { nationality: 'GBR', aliases: ['Jonas Tesfay'] }),
      { firstName: 'Kiki', lastName: 'Hoxha', middleNames: 'Van' },
    ].map((r, i) => prepareRecord({ recordId: `R${i}`, ...r }));
    const comparer = new BatchComparer(records);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < records.length; i++) {
        for (let j = 0; j < records.length; j++) {
          if (i !== j) expect(Array.from(comparer.compare(i, j))).toEqual(Array.from(comparePair(records[i], records[j])));
        }
      }
    }
  });
});

describe('comparison levels', () => {
  it('are named uniquely within each comparison and each carries a label for the reviewer', () => {
    for (const c of COMPARISONS) {
      const ids = c.levels.map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const l of c.levels) expect(l.description.length).toBeGreaterThan(5);
    }
  });
});
