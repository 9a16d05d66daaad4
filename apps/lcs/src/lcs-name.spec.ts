import { formatLcsName, parseLcsName } from './lcs-name';

describe('LCS name', () => {
  it('parses "SURNAME, Forename Middle"', () => {
    expect(parseLcsName('HOXHA, Ana Maria')).toEqual({ surname: 'HOXHA', forenames: 'Ana Maria' });
  });

  it('holds the surname in capitals', () => {
    expect(formatLcsName(parseLcsName('  Hoxha ,  Ana   Maria '))).toBe('HOXHA, Ana Maria');
  });

  it('reads a surname alone', () => {
    expect(parseLcsName('HOXHA')).toEqual({ surname: 'HOXHA', forenames: null });
  });

  it('reads forenames with no surname', () => {
    expect(formatLcsName(parseLcsName(', Ana'))).toBe(', Ana');
  });

  it('stores an empty name as no name', () => {
    expect(formatLcsName(parseLcsName(' , '))).toBeNull();
  });
});
