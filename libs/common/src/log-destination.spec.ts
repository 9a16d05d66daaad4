import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const MODULE = path.join(__dirname, 'log-destination.ts');

/**
 * A process that logs one line through logDestination's standard output and stays alive, quiet, as a worker waiting
 * for a case system does (Node runs the TypeScript file as it is).
 */
function quietProcess(level: 'info' | 'warn', then: 'stay' | 'exit'): ChildProcess {
  const script = `
    const pino = require('pino');
    const { logDestination } = require(${JSON.stringify(MODULE)});
    const { stream, hooks } = logDestination();
    pino({ hooks }, stream).${level}('delivery failed');
    ${then === 'stay' ? 'setInterval(() => {}, 60000);' : ''}
  `;
  return spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The child's standard output once it holds a line, or what it holds after `ms`. */
function outputWithin(child: ChildProcess, ms: number): Promise<string> {
  return new Promise((resolve) => {
    let output = '';
    const done = (): void => {
      clearTimeout(timer);
      resolve(output);
    };
    const timer = setTimeout(done, ms);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) done();
    });
    child.on('close', done);
  });
}

describe('logDestination', () => {
  const children: ChildProcess[] = [];
  const started = (child: ChildProcess): ChildProcess => {
    children.push(child);
    return child;
  };
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
  });

  it('writes a warning from a quiet process at once, not when 4 KB have gathered', async () => {
    const child = started(quietProcess('warn', 'stay'));
    const began = Date.now();
    const output = await outputWithin(child, 2000);
    expect(output).toContain('"msg":"delivery failed"');
    expect(child.exitCode).toBeNull();
    expect(Date.now() - began).toBeLessThan(2000);
  });

  it('writes any line from a quiet process within about a second', async () => {
    const child = started(quietProcess('info', 'stay'));
    expect(await outputWithin(child, 2500)).toContain('"level":30');
    expect(child.exitCode).toBeNull();
  });

  it('still writes what is buffered when the process exits', async () => {
    const child = started(quietProcess('info', 'exit'));
    expect(await outputWithin(child, 5000)).toContain('"msg":"delivery failed"');
  });
});
