/**
 * A fixture `beforeAll` sets, as `afterAll` has to read it: possibly never set, when `beforeAll` failed part-way
 * (jest still runs `afterAll`). `let system: TestSystem` says it is always there, so teardown asks here.
 */
export function ifStarted<T>(fixture: T): T | undefined {
  return fixture;
}
