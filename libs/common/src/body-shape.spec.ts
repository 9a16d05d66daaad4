import { bodyShapeViolations, MAX_BODY_DEPTH, queryShapeViolations } from './body-shape';

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

  it('names a field holding the NUL character, in JSON and in a form alike', () => {
    expect(bodyShapeViolations({ authority: 'Slo\u0000ugh' })).toEqual([{ path: 'authority', message: 'authority must not contain the NUL character' }]);
    expect(bodyShapeViolations({ subject: { names: ['a', 'b\u0000'] } })).toEqual([
      { path: 'subject.names.1', message: 'subject.names.1 must not contain the NUL character' },
    ]);
    expect(bodyShapeViolations('\u0000')).toEqual([{ path: 'body', message: 'body must not contain the NUL character' }]);
  });

  it('names every field holding the NUL character, in the order the body gives them', () => {
    const body = { authority: 'Slo\u0000ugh', person: { firstName: 'A\u0000', lastName: 'ok', aliases: ['x', '\u0000y'] }, notes: '\u0000' };
    expect(bodyShapeViolations(body)).toEqual([
      { path: 'authority', message: 'authority must not contain the NUL character' },
      { path: 'person.firstName', message: 'person.firstName must not contain the NUL character' },
      { path: 'person.aliases.1', message: 'person.aliases.1 must not contain the NUL character' },
      { path: 'notes', message: 'notes must not contain the NUL character' },
    ]);
  });

  it('names every problem of a body together: NULs, a lone surrogate and a forbidden key', () => {
    const body = JSON.parse('{"a":"\\u0000","b":{"__proto__":{"x":"\\u0000"}},"c":"\\ud800"}') as unknown;
    expect(bodyShapeViolations(body).map((v) => v.path)).toEqual(['a', 'b.__proto__', 'c']);
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

describe('queryShapeViolations', () => {
  it('accepts an ordinary query', () => {
    expect(queryShapeViolations({ organisation: 'Thames Valley Police', page: '2', kind: ['nrm', 'dtn'] })).toEqual([]);
    expect(queryShapeViolations(undefined)).toEqual([]);
  });

  it('refuses a NUL in any value or name, naming the parameter once', () => {
    expect(queryShapeViolations({ organisation: '\u0000' })).toEqual([{ path: 'organisation', message: 'organisation must not contain the NUL character' }]);
    expect(queryShapeViolations({ organisation: ['a', 'b\u0000', '\u0000c'] })).toEqual([
      { path: 'organisation', message: 'organisation must not contain the NUL character' },
    ]);
    expect(queryShapeViolations({ filter: { name: 'x\u0000' } })).toEqual([{ path: 'filter.name', message: 'filter.name must not contain the NUL character' }]);
    expect(queryShapeViolations({ 'x\u0000': '1' })).toHaveLength(1);
  });
});
