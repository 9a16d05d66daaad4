import { editDistance, jaroWinkler, nysiis, romanisationSkeleton } from './strings';

describe('jaroWinkler', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
  });
  it('is 1 for equal strings and 0 for nothing in common', () => {
    expect(jaroWinkler('nguyen', 'nguyen')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('19560409', '19560490')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('stops early past the limit', () => {
    expect(editDistance('1234567', '7654321', 2)).toBe(3);
  });
});

describe('nysiis', () => {
  it('gives spelling variants of a name one key', () => {
    expect(nysiis('knight')).toBe(nysiis('night'));
    expect(nysiis('macdonald')).toBe(nysiis('mcdonald'));
  });
  it('keeps different names apart', () => {
    expect(nysiis('smith')).not.toBe(nysiis('jones'));
  });
});

describe('romanisationSkeleton', () => {
  it('collapses romanisations of one Arabic or Tigrinya name', () => {
    expect(romanisationSkeleton('mohammed')).toBe(romanisationSkeleton('muhammad'));
    expect(romanisationSkeleton('mohamed')).toBe(romanisationSkeleton('muhammad'));
    expect(romanisationSkeleton('tesfaye')).toBe(romanisationSkeleton('tesfay'));
  });
});
