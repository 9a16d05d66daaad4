import { CanonicalIdPipe, canonicalId } from './canonical-id';

describe(CanonicalIdPipe.name, () => {
  const pipe = new CanonicalIdPipe();

  it('writes a UUID route parameter in lower case, and leaves other values as they are', () => {
    expect(pipe.transform('8F14E45F-CEEA-467A-9575-1B4C4E9E2F3A', { type: 'param' })).toBe('8f14e45f-ceea-467a-9575-1b4c4e9e2f3a');
    expect(pipe.transform('Thames Valley', { type: 'param' })).toBe('Thames Valley');
    expect(pipe.transform(['fonts', 'A.woff2'], { type: 'param' })).toEqual(['fonts', 'A.woff2']);
    expect(pipe.transform({ id: '8F14E45F-CEEA-467A-9575-1B4C4E9E2F3A' }, { type: 'body' })).toEqual({ id: '8F14E45F-CEEA-467A-9575-1B4C4E9E2F3A' });
  });

  it('leaves a text id that is not a UUID alone', () => {
    expect(canonicalId('AIS-000123')).toBe('AIS-000123');
  });
});
