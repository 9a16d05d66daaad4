import { toAlpha3 } from '@app/countries';
import { generatePopulation } from './population';
import { toInterchangeCsv } from './csv';

describe(generatePopulation.name, () => {
  const population = generatePopulation({ seed: 42, persons: 1500 });

  it('is deterministic for a seed', () => {
    expect(generatePopulation({ seed: 42, persons: 1500 }).records).toEqual(population.records);
    expect(generatePopulation({ seed: 43, persons: 1500 }).records).not.toEqual(population.records);
  });

  it('gives every record a true person and draws the requested number of people', () => {
    expect(population.persons).toBe(1500);
    expect(population.records.every((r) => population.truth.has(r.recordId))).toBe(true);
  });

  it('follows the NRM nationality mix roughly', () => {
    const named = population.records.filter((r) => !r.anonymous && r.nationality);
    const share = (alpha3: string) => named.filter((r) => toAlpha3(r.nationality) === alpha3).length / named.length;
    expect(share('GBR')).toBeGreaterThan(0.2);
    expect(share('GBR')).toBeLessThan(0.35);
    expect(share('ALB')).toBeGreaterThan(0.12);
    expect(share('ALB')).toBeLessThan(0.24);
  });

  it('holds children in LCS referred again as adults in AIS, some carrying the LCS id', () => {
    const transfers = population.records.filter((r) => r.sourceSystem === 'AIS' && r.otherId?.startsWith('LCS-'));
    expect(transfers.length).toBeGreaterThan(0);
    for (const t of transfers) expect(population.truth.get(t.otherId!)).toBe(population.truth.get(t.recordId));
  });

  it('holds twins: different people with one family name and date of birth', () => {
    const byKey = new Map<string, Set<string>>();
    for (const r of population.records) {
      if (!r.dateOfBirth || !r.lastName || r.dobEstimated) continue;
      const key = `${r.lastName.toLowerCase()}|${r.dateOfBirth}`;
      byKey.set(key, (byKey.get(key) ?? new Set()).add(population.truth.get(r.recordId)!));
    }
    expect([...byKey.values()].some((persons) => persons.size > 1)).toBe(true);
  });

  it('never gives twins one given name', () => {
    const byKey = new Map<string, Map<string, string>>();
    for (const r of population.records) {
      if (!r.dateOfBirth || !r.lastName || !r.firstName || r.dobEstimated) continue;
      const key = `${r.lastName.toLowerCase()}|${r.dateOfBirth}`;
      const persons = byKey.get(key) ?? new Map<string, string>();
      persons.set(population.truth.get(r.recordId)!, r.firstName.toLowerCase());
      byKey.set(key, persons);
    }
    const twins = [...byKey.values()].filter((persons) => persons.size === 2).map((persons) => [...persons.values()]);
    expect(twins.length).toBeGreaterThan(0);
    for (const [a, b] of twins) expect(a).not.toBe(b);
  });

  it('writes Polish family names ending -ski in the feminine for women', () => {
    const polishWomen = population.records.filter((r) => r.sex === 'female' && toAlpha3(r.nationality) === 'POL' && /sk[ai]$/i.test(r.lastName ?? ''));
    expect(polishWomen.length).toBeGreaterThan(0);
    expect(polishWomen.every((r) => /ska$/i.test(r.lastName!))).toBe(true);
  });

  it('writes the interchange CSV with a header row', () => {
    const csv = toInterchangeCsv(population.records.slice(0, 3));
    expect(csv.split('\n')[0]).toBe(
      'record_id,source_system,first_name,middle_names,last_name,aliases,date_of_birth,dob_estimated,sex,nationality,nhs_number,other_id,postcode,address,referral_date',
    );
  });
});
