import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { LinkageRecord } from '@app/matching';

/** A benchmark file read into interchange records, with each record's true entity. */
export interface BenchmarkDataset {
  readonly name: string;
  readonly records: readonly LinkageRecord[];
  readonly truth: ReadonlyMap<string, string>;
}

type Row = Record<string, string>;

function readRows(path: string): Row[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, trim: true }) as Row[];
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
    truth.set(id, /^rec-(\d+)-/.exec(id)![1]);
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

/** Splink's historical_50k: first_name, surname, dob, postcode_fake, gender. */
export function readHistorical50k(dir: string): BenchmarkDataset {
  const rows = readRows(join(dir, 'historical_50k.csv'));
  const truth = new Map<string, string>();
  const records = rows.map((row): LinkageRecord => {
    truth.set(row.unique_id, row.cluster);
    return {
      recordId: row.unique_id,
      firstName: blank(row.first_name),
      lastName: blank(row.surname),
      dateOfBirth: blank(row.dob),
      postcode: blank(row.postcode_fake),
      sex: blank(row.gender),
    };
  });
  return { name: 'historical_50k', records, truth };
}
