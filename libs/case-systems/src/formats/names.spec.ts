import { joinLcsName, splitLcsName } from './names';

describe('LCS names', () => {
  it('joins parts as "SURNAME, Forename Middle"', () => {
    expect(joinLcsName({ firstName: 'Ana', middleNames: 'Maria', lastName: 'Hoxha' })).toBe('HOXHA, Ana Maria');
  });

  it('keeps a surname alone when no forename is known', () => {
    expect(joinLcsName({ lastName: 'Hoxha' })).toBe('HOXHA');
  });

  it('leaves the surname empty when only forenames are known', () => {
    expect(joinLcsName({ firstName: 'Ana' })).toBe(', Ana');
  });

  it('gives no name when no part is known', () => {
    expect(joinLcsName({ firstName: ' ', lastName: null })).toBeUndefined();
  });

  it('splits a name into first, middle and last', () => {
    expect(splitLcsName('HOXHA, Ana Maria Elena')).toEqual({ firstName: 'Ana', middleNames: 'Maria Elena', lastName: 'HOXHA' });
  });

  it('keeps a multi-word surname together', () => {
    expect(splitLcsName('DE LA CRUZ, Maria')).toEqual({ firstName: 'Maria', middleNames: null, lastName: 'DE LA CRUZ' });
  });

  it('reads a surname-only name', () => {
    expect(splitLcsName('HOXHA')).toEqual({ firstName: null, middleNames: null, lastName: 'HOXHA' });
  });

  it('reads a forename-only name', () => {
    expect(splitLcsName(', Ana')).toEqual({ firstName: 'Ana', middleNames: null, lastName: null });
  });

  it('round-trips parts, surname in capitals', () => {
    const parts = { firstName: 'Ana', middleNames: 'Maria', lastName: 'HOXHA' };
    expect(splitLcsName(joinLcsName(parts))).toEqual(parts);
  });
});
