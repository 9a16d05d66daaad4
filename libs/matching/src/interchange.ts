import { LinkageRecord } from './record';

/** Input columns of the person linkage interchange CSV (a fixed contract: docs/domain.md, "The referral"); only record_id is required. */
export const INTERCHANGE_INPUT_COLUMNS = [
  'record_id',
  'source_system',
  'first_name',
  'middle_names',
  'last_name',
  'aliases',
  'date_of_birth',
  'dob_estimated',
  'sex',
  'nationality',
  'nhs_number',
  'other_id',
  'postcode',
  'address',
  'referral_date',
] as const;

export const INTERCHANGE_OUTPUT_COLUMNS = ['record_id', 'person_id', 'match_status', 'match_probability'] as const;

export class InterchangeFormatError extends Error {}

const blank = (v: string | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

/** Checks a header row: record_id must be there; names are matched case-insensitively, unknown ones ignored. */
export function interchangeHeader(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name
      .trim()
      .toLowerCase()
      .replace(/^\ufeff/, '');
    if (!index.has(key)) index.set(key, i);
  });
  if (!index.has('record_id')) {
    throw new InterchangeFormatError(`no record_id column (header has: ${header.map((h) => h.trim()).join(', ') || 'nothing'})`);
  }
  return index;
}

/** Reads one data row under a header read by `interchangeHeader`. */
export function interchangeRecord(row: readonly string[], header: ReadonlyMap<string, number>, line: number): LinkageRecord {
  const get = (column: string): string | null => {
    const i = header.get(column);
    return i === undefined ? null : blank(row[i]);
  };
  const recordId = get('record_id');
  if (!recordId) throw new InterchangeFormatError(`line ${line}: empty record_id`);
  const estimated = get('dob_estimated')?.toLowerCase();
  return {
    recordId,
    sourceSystem: get('source_system'),
    firstName: get('first_name'),
    middleNames: get('middle_names'),
    lastName: get('last_name'),
    aliases:
      get('aliases')
        ?.split(';')
        .map((a) => a.trim())
        .filter(Boolean) ?? null,
    dateOfBirth: get('date_of_birth'),
    dobEstimated: estimated === 'true' || estimated === '1' || estimated === 'yes',
    sex: get('sex'),
    nationality: get('nationality'),
    nhsNumber: get('nhs_number'),
    otherId: get('other_id'),
    postcode: get('postcode'),
    address: get('address'),
    referralDate: get('referral_date'),
  };
}
