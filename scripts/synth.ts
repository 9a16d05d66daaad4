import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generatePopulation, toInterchangeCsv, toTruthCsv } from '@app/synth';

// npm run synth -- --seed 42 --persons 5000 --out DIR
function main(): number {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '42' },
      persons: { type: 'string', default: '5000' },
      out: { type: 'string' },
      until: { type: 'string' },
    },
  });
  const seed = Number(values.seed);
  const persons = Number(values.persons);
  if (!values.out || !Number.isInteger(seed) || !Number.isInteger(persons) || persons < 1) {
    process.stderr.write('usage: npm run synth -- --seed 42 --persons 5000 --out DIR\n');
    return 2;
  }
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
