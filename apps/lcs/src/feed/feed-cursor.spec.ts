import { decodeCursor, encodeCursor } from './feed-cursor';

describe('LCS feed cursor', () => {
  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor('12345'))).toBe('12345');
  });

  it('is opaque', () => {
    expect(encodeCursor('7')).not.toContain('7');
  });

  it('refuses a cursor it did not make', () => {
    expect(decodeCursor('12345')).toBeUndefined();
  });
});
