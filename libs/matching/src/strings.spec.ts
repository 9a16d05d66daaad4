import { seededRandom } from './random';
import { editDistance, jaroWinkler, jaroWinklerFrom, nysiis, romanisationSkeleton, withinOneEdit } from './strings';

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

describe('jaroWinklerFrom', () => {
  it('is jaroWinkler wherever that reaches the floor, and below the floor elsewhere', () => {
    const random = seededRandom(7);
    const word = (): string => Array.from({ length: 1 + Math.floor(random() * 9) }, () => 'abcdeéz'[Math.floor(random() * 7)]).join('');
    let wrong = 0;
    for (let n = 0; n < 20_000; n++) {
      const [a, b] = [word(), word()];
      for (const floor of [0.8, 0.84, 0.9, 0.92]) {
        const exact = jaroWinkler(a, b);
        const from = jaroWinklerFrom(a, b, floor);
        if (exact >= floor ? from !== exact : from >= floor) wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(jaroWinklerFrom('martha', 'marhta', 0.92)).toBe(jaroWinkler('martha', 'marhta'));
    expect(jaroWinklerFrom('lisbex', 'kafamdan', 0.84)).toBeLessThan(0.84);
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

describe('withinOneEdit', () => {
  it('agrees with editDistance(a, b, 1) <= 1 on every pair of short strings', () => {
    const strings = [''];
    for (let length = 1, last = ['']; length <= 4; length++) {
      last = last.flatMap((s) => ['a', 'b', 'c'].map((c) => s + c));
      strings.push(...last);
    }
    let disagreements = 0;
    for (const a of strings) for (const b of strings) if (withinOneEdit(a, b) !== editDistance(a, b, 1) <= 1) disagreements++;
    expect(disagreements).toBe(0);
  });
  it('takes one keying slip in a name and no more', () => {
    expect(withinOneEdit('kastrati', 'kstrati')).toBe(true);
    expect(withinOneEdit('hamza', 'hmaza')).toBe(true);
    expect(withinOneEdit('hamza', 'hjmza')).toBe(true);
    expect(withinOneEdit('hamza', 'hamzaa')).toBe(true);
    expect(withinOneEdit('hamza', 'hmzaa')).toBe(false);
    expect(withinOneEdit('19560409', '19560490')).toBe(true);
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
