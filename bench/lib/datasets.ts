import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { LinkageRecord } from '@app/matching';
import { generateCaseworkPopulation, generatePopulation } from '@app/synth';

/** A benchmark file read into interchange records, with each record's true entity. */
export interface BenchmarkDataset {
  readonly name: string;
  readonly records: readonly LinkageRecord[];
  readonly truth: ReadonlyMap<string, string>;
}

type Row = Record<string, string>;

function readRows(path: string): Row[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, trim: true });
}

const blank = (v: string | undefined): string | null => (v && v.trim() ? v.trim() : null);

function febrlDate(v: string | undefined): string | null {
  const d = blank(v);
  // YYYYMMDD as text; corrupted values stay as digits for the engine's edit-distance level.
  return d && /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null;
}

/** FEBRL: given_name, surname, date_of_birth, soc_sec_id as other_id, postcode, and the street address. */
export function readFebrl(dir: string, name: 'febrl1' | 'febrl2' | 'febrl3'): BenchmarkDataset {
  const rows = readRows(join(dir, `${name}.csv`));
  const truth = new Map<string, string>();
  const records = rows.map((row): LinkageRecord => {
    const id = row.rec_id;
    const entity = /^rec-(\d+)-/.exec(id)?.[1];
    if (entity === undefined) throw new Error(`${name}: the record id ${id} does not name its entity`);
    truth.set(id, entity);
    const address = [row.street_number, row.address_1, row.address_2, row.suburb, row.state].filter((x) => blank(x)).join(' ');
    return {
      recordId: id,
      firstName: blank(row.given_name),
      lastName: blank(row.surname),
      dateOfBirth: febrlDate(row.date_of_birth),
      otherId: blank(row.soc_sec_id),
      postcode: blank(row.postcode),
      address: address || null,
    };
  });
  return { name, records, truth };
}

/** Splink's fake_1000: first_name, surname, dob, city as the address, email as another identifier. */
export function readFake1000(dir: string): BenchmarkDataset {
  const rows = readRows(join(dir, 'fake_1000.csv'));
  const truth = new Map<string, string>();
  const records = rows.map((row): LinkageRecord => {
    truth.set(row.unique_id, row.cluster);
    return {
      recordId: row.unique_id,
      firstName: blank(row.first_name),
      lastName: blank(row.surname),
      dateOfBirth: blank(row.dob),
      address: blank(row.city),
      otherId: blank(row.email),
    };
  });
  return { name: 'fake_1000', records, truth };
}

const words = (v: string | null | undefined): string[] =>
  (v ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}'.-]+/u)
    .filter(Boolean);

/**
 * The words of a full name left once the first name and surname are taken out: the middle names (and any title,
 * which the engine drops), as an export that only has a full-name column is split into the interchange fields.
 */
export function middleNamesOf(fullName: string | undefined, first: string | undefined, last: string | undefined): string | null {
  const rest = words(fullName);
  for (const w of [...words(first), ...words(last)]) {
    const i = rest.indexOf(w);
    if (i >= 0) rest.splice(i, 1);
  }
  return rest.length ? rest.join(' ') : null;
}

/**
 * Splink's historical_50k: first_name, surname, the rest of full_name as middle names, dob, postcode_fake,
 * gender, and birth_place as the address (free text compared word by word, as a town in a legacy export's
 * address line would be). Occupation has no interchange field and is left out.
 */
export function readHistorical50k(dir: string): BenchmarkDataset {
  const rows = readRows(join(dir, 'historical_50k.csv'));
  const truth = new Map<string, string>();
  const records = rows.map((row): LinkageRecord => {
    truth.set(row.unique_id, row.cluster);
    return {
      recordId: row.unique_id,
      firstName: blank(row.first_name),
      middleNames: middleNamesOf(row.full_name, row.first_name, row.surname),
      lastName: blank(row.surname),
      dateOfBirth: blank(row.dob),
      postcode: blank(row.postcode_fake),
      sex: blank(row.gender),
      address: blank(row.birth_place),
    };
  });
  return { name: 'historical_50k', records, truth };
}

/**
 * The two generators, written from different assumptions: `synthetic` (libs/synth `generatePopulation`) and
 * `casework` (`generateCaseworkPopulation`), each drawn with a seed and a number of persons.
 */
export const GENERATORS: Record<string, (seed: number, persons: number) => BenchmarkDataset> = {
  synthetic: (seed, persons) => {
    const population = generatePopulation({ seed, persons });
    return { name: `synthetic@${seed}`, records: population.records, truth: population.truth };
  },
  casework: (seed, persons) => {
    const population = generateCaseworkPopulation({ seed, persons });
    return { name: `casework@${seed}`, records: population.records, truth: population.truth };
  },
};
