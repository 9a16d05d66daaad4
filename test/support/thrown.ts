/**
 * The error `act` throws, so a spec can match its fields with typed matchers:
 * `expect(thrownBy(() => parsePeriod('x'))).toMatchObject({ problem: 'not_a_period' })`. Jest's
 * `toThrow(expect.objectContaining(…))` says the same, but its asymmetric matchers are typed `any`.
 */
export function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned');
}
