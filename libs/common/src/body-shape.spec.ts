import { bodyShapeViolations, MAX_BODY_DEPTH } from './body-shape';

describe('bodyShapeViolations', () => {
  it('accepts an ordinary body', () => {
    expect(bodyShapeViolations({ person: { firstName: 'Ana', aliases: ['A'] }, flags: [true, 1, null] })).toEqual([]);
  });

  it('names a field holding a lone surrogate, and accepts a well-formed pair', () => {
    expect(bodyShapeViolations({ person: { firstName: 'An\uD800a' } })).toEqual([
      { path: 'person.firstName', message: expect.stringMatching(/lone UTF-16 surrogate/) },
    ]);
    expect(bodyShapeViolations({ names: ['ok', '\uDC00'] })[0].path).toBe('names.1');
    expect(bodyShapeViolations({ person: { firstName: 'Ana \uD83D\uDE00' } })).toEqual([]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key, naming it', (key) => {
    const body = JSON.parse(`{"person":{"${key}":{"isAdmin":true}}}`) as unknown;
    expect(bodyShapeViolations(body)).toEqual([{ path: `person.${key}`, message: expect.stringContaining(`"${key}" is not allowed`) }]);
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`) as unknown;
    const [violation] = bodyShapeViolations(deep);
    expect(violation.message).toMatch(new RegExp(`nested more than ${MAX_BODY_DEPTH} levels`));
    expect(violation.path.startsWith('a.a.a')).toBe(true);
    let ok: unknown = 1;
    for (let i = 0; i < MAX_BODY_DEPTH - 1; i += 1) ok = { a: ok };
    expect(bodyShapeViolations(ok)).toEqual([]);
  });
});
