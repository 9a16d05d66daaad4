import { commandLine, wholeNumber } from './command-line';

/** process.exit stopped by throwing, with what was written to stdout and stderr. */
function run(work: () => unknown): { exit?: number; out: string; err: string; value?: unknown } {
  let out = '';
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  const exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
    throw Object.assign(new Error('exit'), { code });
  });
  try {
    return { value: work(), out, err };
  } catch (e) {
    return { exit: (e as { code: number }).code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    exit.mockRestore();
  }
}

describe('commandLine', () => {
  const options = { role: { type: 'string' }, keep: { type: 'boolean', default: false } } as const;

  it('answers the options given', () => {
    expect(run(() => commandLine('npm run x -- --role ROLE', options, ['--role', 'lead'])).value).toEqual({ role: 'lead', keep: false });
  });

  it('prints the usage and exits 0 on --help', () => {
    const r = run(() => commandLine('npm run x -- --role ROLE', options, ['--help']));
    expect(r).toMatchObject({ exit: 0, out: 'usage: npm run x -- --role ROLE\n', err: '' });
  });

  it('names an unknown option and exits 2 without a stack trace', () => {
    const r = run(() => commandLine('npm run x -- --role ROLE', options, ['--rol', 'lead']));
    expect(r.exit).toBe(2);
    expect(r.err).toBe("Unknown option '--rol'\nusage: npm run x -- --role ROLE\n");
  });

  it('names an option missing its value', () => {
    expect(run(() => commandLine('u', options, ['--role'])).err).toContain("Option '--role <value>' argument missing");
  });
});

describe('wholeNumber', () => {
  it('reads a whole number at or above the least', () => {
    expect(run(() => wholeNumber('u', 'persons', '300')).value).toBe(300);
    expect(run(() => wholeNumber('u', 'seed', '0', 0)).value).toBe(0);
  });

  it.each(['abc', '1.5', '0', ''])('refuses "%s" for --persons, naming it', (text) => {
    const r = run(() => wholeNumber('u', 'persons', text));
    expect(r.exit).toBe(2);
    expect(r.err).toContain(`--persons must be a whole number of at least 1 (was "${text}")`);
  });
});
