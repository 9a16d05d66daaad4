import { INTERCHANGE_INPUT_COLUMNS, type LinkageRecord } from '@app/matching';

function cell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes records as the interchange CSV. Anonymous notifications are written with their name fields empty. */
export function toInterchangeCsv(records: readonly LinkageRecord[]): string {
  const lines = [INTERCHANGE_INPUT_COLUMNS.join(',')];
  for (const r of records) {
    lines.push(
      [
        r.recordId,
        r.sourceSystem,
        r.firstName,
        r.middleNames,
        r.lastName,
        r.aliases?.join(';'),
        r.dateOfBirth,
        r.dobEstimated ? 'true' : r.dateOfBirth ? 'false' : '',
        r.sex,
        r.nationality,
        r.nhsNumber,
        r.otherId,
        r.postcode,
        r.address,
        r.referralDate,
      ]
        .map((v) => cell(v ?? null))
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

export function toTruthCsv(truth: ReadonlyMap<string, string>): string {
  const lines = ['record_id,person_id'];
  for (const [recordId, personId] of truth) lines.push(`${cell(recordId)},${cell(personId)}`);
  return lines.join('\n') + '\n';
}
