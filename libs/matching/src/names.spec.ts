import { areVariants, canonicalToken, foldText, isShortening, nameTokens, parseName } from './names';

describe('foldText', () => {
  it('drops diacritics, joins apostrophes and splits on hyphens', () => {
    expect(foldText('Nguyễn')).toBe('nguyen');
    expect(foldText("O'Brien")).toBe('obrien');
    expect(foldText('Smith-Jones')).toBe('smith jones');
    expect(foldText('Çela')).toBe('cela');
    expect(foldText('Wiśniewski')).toBe('wisniewski');
  });
});

describe('nameTokens', () => {
  it('leaves out titles and honorifics', () => {
    expect(nameTokens('Sir George')).toEqual(['george']);
    expect(nameTokens('Mrs. Jane')).toEqual(['jane']);
  });
  it('leaves out title ordinals, generational suffixes and territorial "of"', () => {
    expect(nameTokens('Thomas Clifford, 1st Baron Clifford of Chudleigh')).toEqual(['thomas', 'clifford', 'clifford', 'chudleigh']);
    expect(nameTokens('Hon. John Smith III')).toEqual(['john', 'smith']);
  });
});

describe('variants', () => {
  it('knows transliterations and diminutives', () => {
    expect(areVariants('mohammed', 'muhammad')).toBe(true);
    expect(areVariants('mohamed', 'mohammad')).toBe(true);
    expect(areVariants('ali', 'aly')).toBe(true);
    expect(areVariants('robert', 'bob')).toBe(true);
    expect(areVariants('john', 'james')).toBe(false);
    expect(canonicalToken('muhammed')).toBe('muhammad');
  });
  it('knows the same name in other languages', () => {
    expect(areVariants('jan', 'john')).toBe(true);
    expect(areVariants('gwilym', 'william')).toBe(true);
    expect(areVariants('karl', 'charles')).toBe(true);
    expect(areVariants('harold', 'henry')).toBe(false);
  });
  it('knows one name across Arabic, Tigrinya, Polish and English, also through a spelling of it', () => {
    expect(areVariants('ibrahim', 'abraham')).toBe(true);
    expect(areVariants('yousif', 'joseph')).toBe(true);
    expect(areVariants('biniam', 'benjamin')).toBe(true);
    expect(areVariants('krzysztof', 'kristof')).toBe(true);
    expect(areVariants('marcin', 'martin')).toBe(true);
    expect(areVariants('yousif', 'musa')).toBe(false);
    // Not through a third spelling: Jack is John, but not every form John takes elsewhere.
    expect(areVariants('jack', 'yohannes')).toBe(false);
    expect(areVariants('joe', 'youssef')).toBe(false);
  });
  it('knows the abbreviations of Muhammad keyed on forms', () => {
    expect(areVariants('mhd', 'mohammed')).toBe(true);
    expect(areVariants('muhd', 'muhammad')).toBe(true);
    expect(areVariants('mhd', 'mahmoud')).toBe(false);
  });
});

describe('isShortening', () => {
  it('holds for a given name cut short, with or without a diminutive ending', () => {
    expect(isShortening('fred', 'frederick')).toBe(true);
    expect(isShortening('artie', 'arthur')).toBe(true);
    expect(isShortening('samuel', 'sam')).toBe(true);
  });
  it('does not hold for names that only share a start or are too short', () => {
    expect(isShortening('harry', 'harvey')).toBe(false);
    expect(isShortening('ella', 'ellie')).toBe(false);
    expect(isShortening('al', 'alfred')).toBe(false);
  });
  it('holds for a Yoruba or Igbo name without its theophoric opening, and only for that opening', () => {
    expect(isShortening('emeka', 'chukwuemeka')).toBe(true);
    expect(isShortening('oluwaseun', 'seun')).toBe(true);
    expect(isShortening('segun', 'olusegun')).toBe(true);
    expect(isShortening('emeka', 'chukwudi')).toBe(false);
    expect(isShortening('emeka', 'obiemeka')).toBe(false);
    expect(isShortening('chi', 'oluchi')).toBe(false);
  });
});

describe('parseName', () => {
  it('reads a Vietnamese name keyed family-name-first in the first-name field', () => {
    expect(parseName('Nguyen', null, 'Van Nam', 'VNM')).toEqual({ given: ['van', 'nam'], family: ['nguyen'], middle: [] });
  });
  it('splits a whole Vietnamese name in one field family name first', () => {
    expect(parseName('Nguyễn Van Nam', null, null, 'VNM')).toEqual({ given: ['van', 'nam'], family: ['nguyen'], middle: [] });
  });
  it('splits a whole Western name in one field family name last', () => {
    expect(parseName('John Smith', null, null, 'GBR')).toEqual({ given: ['john'], family: ['smith'], middle: [] });
  });
  it('keeps an Eritrean patronymic chain together as the family part', () => {
    expect(parseName('Yonas Tesfay', null, 'Gebremedhin', 'ERI')).toEqual({
      given: ['yonas'],
      family: ['tesfay', 'gebremedhin'],
      middle: [],
    });
  });
  it('takes the first middle name as the given name when there is no first name', () => {
    expect(parseName('Hon.', 'John', 'Collier', 'GBR')).toEqual({ given: ['john'], family: ['collier'], middle: [] });
  });
  it('leaves a Western name in its fields', () => {
    expect(parseName('Le', null, 'Smith', 'GBR')).toEqual({ given: ['le'], family: ['smith'], middle: [] });
  });
});
