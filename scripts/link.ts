import { readFileSync, writeFileSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { parse } from 'csv-parse/sync';
import {
  DuplicateRecordIdError,
  INTERCHANGE_OUTPUT_COLUMNS,
  InterchangeFormatError,
  interchangeHeader,
  interchangeRecord,
  LinkageRecord,
  linkRecords,
} from '@app/matching';
import { commandLine, usageError } from './command-line';

// npm run link -- --input IN.csv --output OUT.csv
// Links the records of an interchange CSV into persons with the same engine, configuration and thresholds as
// the deduplicator worker. Exit code 2 for anything wrong with the input.

class UsageError extends Error {}

function readRecords(path: string): LinkageRecord[] {
  let text: Buffer;
  try {
    text = readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read input file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    throw new UsageError(`input file ${path} is not valid CSV: ${(e as Error).message}`);
  }
  if (rows.length === 0) throw new UsageError(`input file ${path} is empty (no header row)`);
  const header = interchangeHeader(rows[0]);
  return rows.slice(1).map((row, i) => interchangeRecord(row, header, i + 2));
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function main(): number {
  const usage = 'npm run link -- --input IN.csv --output OUT.csv';
  const args = commandLine(usage, { input: { type: 'string' }, output: { type: 'string' } });
  if (!args.input || !args.output) usageError(usage, 'both --input and --output are needed');
  try {
    const records = readRecords(args.input);
    const bar = new SingleBar(
      { stream: process.stderr, format: 'linking {phase} [{bar}] {percentage}% | {value}/{total}', hideCursor: true },
      Presets.shades_classic,
    );
    let phase = '';
    const started = Date.now();
    bar.start(1, 0, { phase: 'prepare' });
    const result = linkRecords(records, {
      onProgress: (p, done, total) => {
        if (p !== phase) {
          phase = p;
          bar.setTotal(Math.max(total, 1));
        }
        bar.update(done, { phase: p });
      },
    });
    bar.stop();
    const lines = [INTERCHANGE_OUTPUT_COLUMNS.join(',')];
    for (const link of result.links) {
      lines.push([csvCell(link.recordId), csvCell(link.personId), link.matchStatus, link.matchProbability.toFixed(6)].join(','));
    }
    try {
      writeFileSync(args.output, lines.join('\n') + '\n');
    } catch (e) {
      throw new UsageError(`cannot write output file ${args.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    process.stderr.write(
      `${records.length} records → ${result.personCount} persons, ${result.reviews.length} pairs for review, ` +
        `${result.comparedPairs} pairs compared, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof InterchangeFormatError || e instanceof DuplicateRecordIdError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main();
