import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePopulation, toInterchangeCsv, toTruthCsv } from '@app/synth';
import { commandLine, usageError, wholeNumber } from './command-line';

// npm run synth -- --seed 42 --persons 5000 --out DIR
function main(): number {
  const usage = 'npm run synth -- [--seed 42] [--persons 5000] [--until YYYY-MM-DD] --out DIR';
  const values = commandLine(usage, {
    seed: { type: 'string', default: '42' },
    persons: { type: 'string', default: '5000' },
    out: { type: 'string' },
    until: { type: 'string' },
  });
  const seed = wholeNumber(usage, 'seed', values.seed, 0);
  const persons = wholeNumber(usage, 'persons', values.persons);
  if (!values.out) usageError(usage, '--out is needed');
  const population = generatePopulation({ seed, persons, until: values.until });
  mkdirSync(values.out, { recursive: true });
  const recordsPath = join(values.out, 'records.csv');
  const truthPath = join(values.out, 'truth.csv');
  writeFileSync(recordsPath, toInterchangeCsv(population.records));
  writeFileSync(truthPath, toTruthCsv(population.truth));
  process.stderr.write(`${population.records.length} records of ${population.persons} persons → ${recordsPath}, truth → ${truthPath}\n`);
  return 0;
}

process.exitCode = main();
