import { normaliseNhsNumber } from '@app/matching';
import { generateCaseworkPopulation } from './casework';

describe(generateCaseworkPopulation.name, () => {
  const population = generateCaseworkPopulation({ seed: 11, persons: 3000 });
  const named = population.records.filter((r) => r.firstName || r.lastName);
  const fold = (s: string | null | undefined): string =>
    (s ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();

  it('is deterministic for a seed', () => {
    expect(generateCaseworkPopulation({ seed: 11, persons: 3000 }).records).toEqual(population.records);
    expect(generateCaseworkPopulation({ seed: 12, persons: 3000 }).records).not.toEqual(population.records);
  });

  it('gives every record a true person and lists records in referral-date order', () => {
    expect(population.persons).toBe(3000);
    expect(population.records.every((r) => population.truth.has(r.recordId))).toBe(true);
    const dates = population.records.map((r) => r.referralDate!);
    expect([...dates].sort()).toEqual(dates);
  });

  it('draws names with a skewed frequency: Nguyen is the name of several Vietnamese records in ten', () => {
    const vietnamese = named.filter((r) => r.nationality === 'VNM' || r.nationality === 'Vietnam');
    const nguyen = vietnamese.filter((r) => [r.firstName, r.lastName].some((n) => fold(n).split(' ').includes('nguyen')));
    expect(nguyen.length / vietnamese.length).toBeGreaterThan(0.25);
  });

  it('has different people sharing one full name', () => {
    const people = new Map<string, Set<string>>();
    for (const r of named) {
      const key = `${fold(r.firstName)}|${fold(r.lastName)}`;
      const set = people.get(key) ?? new Set<string>();
      set.add(population.truth.get(r.recordId)!);
      people.set(key, set);
    }
    expect([...people.values()].filter((s) => s.size > 1).length).toBeGreaterThan(20);
  });

  it('records dates of birth as estimates, 1 January placeholders, or not at all, as well as in full', () => {
    const dobs = population.records.map((r) => r.dateOfBirth);
    expect(population.records.filter((r) => r.dobEstimated).length).toBeGreaterThan(50);
    expect(dobs.filter((d) => d?.endsWith('-01-01')).length).toBeGreaterThan(100);
    expect(dobs.filter((d) => d === null).length).toBeGreaterThan(50);
  });

  it('carries valid NHS numbers, a few of them mistyped', () => {
    const numbers = population.records.map((r) => r.nhsNumber).filter((n): n is string => !!n);
    const invalid = numbers.filter((n) => normaliseNhsNumber(n) === null);
    expect(numbers.length).toBeGreaterThan(500);
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.length / numbers.length).toBeLessThan(0.05);
  });

  it("points a transfer at an earlier children's record of the same person", () => {
    const transfers = population.records.filter((r) => r.otherId);
    expect(transfers.length).toBeGreaterThan(0);
    for (const t of transfers) expect(population.truth.get(t.otherId!)).toBe(population.truth.get(t.recordId));
  });
});
