import pino from 'pino';

/**
 * Standard output is written asynchronously, in writes of this many bytes at least: a synchronous write per request
 * line cost intake a tenth of its CPU under load.
 */
export const STDOUT_BUFFER_BYTES = 4096;

/**
 * The longest a line waits in that buffer. A quiet process (the router while a case system is down) may take minutes
 * to write 4 KB, and an on-call engineer must not wait for the buffer to fill to see what it said.
 */
export const STDOUT_FLUSH_MS = 1000;

const WARN = pino.levels.values.warn;

export interface LogDestination {
  stream: pino.DestinationStream;
  hooks?: pino.LoggerOptions['hooks'];
}

/**
 * Where a process's log lines go, and the hooks that belong with it. A log file (`file`) is written synchronously, so
 * what it holds is complete when read. Standard output is buffered for throughput, but flushed at least every
 * STDOUT_FLUSH_MS (on an unref'd timer, which never keeps a process alive), and at once after a warning or an error,
 * which someone may be waiting for. pino flushes it on exit; a hard crash can lose the last second, never a referral.
 *
 * No `@app` import: a spec runs this file in a child process as it is.
 */
export function logDestination(file?: string): LogDestination {
  if (file) return { stream: pino.destination({ dest: file, sync: true, mkdir: true }) };
  const stream = pino.destination({ dest: 1, sync: false, minLength: STDOUT_BUFFER_BYTES, periodicFlush: STDOUT_FLUSH_MS });
  return {
    stream,
    hooks: {
      logMethod(args, method, level) {
        method.apply(this, args);
        // A write already under way leaves this line to the timer (flush() then returns at once). A closed stream
        // has thrown on the line itself, before this.
        if (level >= WARN) stream.flush();
      },
    },
  };
}
