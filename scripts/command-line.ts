import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

type Values<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values'];

/**
 * The options of one of the project's commands (`npm run token`, `npm run bench:linkage`, …). `--help` or `-h`
 * prints the usage and exits 0; an unknown option, or one missing its value, prints what was wrong and the usage and
 * exits 2, where node:util's parseArgs alone ends in a stack trace.
 */
export function commandLine<const O extends ParseArgsOptionsConfig>(usage: string, options: O, args = process.argv.slice(2)): Values<O> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`usage: ${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, strict: true }).values;
  } catch (error) {
    return usageError(usage, typeof (error as { message?: unknown }).message === 'string' ? (error as Error).message : String(error));
  }
}

/** Prints what was wrong with the command line and the usage, and exits 2. */
export function usageError(usage: string, message: string): never {
  process.stderr.write(`${message}\nusage: ${usage}\n`);
  process.exit(2);
}

/** A whole number of at least `least` from an option's text, or a usage error naming the option. */
export function wholeNumber(usage: string, name: string, text: string, least = 1): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < least) usageError(usage, `--${name} must be a whole number of at least ${least} (was "${text}")`);
  return n;
}
