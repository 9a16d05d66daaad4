import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/redis-server';

/**
 * A redis-server of the test's own configured as production runs it (append-only file fsynced on every write,
 * noeviction), so it can be killed and started again on the same port with its jobs intact.
 */
export class DurableRedis {
  private child?: ChildProcess;
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'rh-redis-'));

  private constructor(
    readonly port: number,
    private readonly fsync: 'always' | 'everysec',
  ) {}

  /**
   * `always` (the default) loses nothing on a kill; `everysec` is Redis's production default, for benchmarks. A
   * free port unless one is given.
   */
  static async start(fsync: 'always' | 'everysec' = 'always', port?: number): Promise<DurableRedis> {
    const redis = new DurableRedis(port ?? (await freePort()), fsync);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      this.dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      this.fsync,
      '--maxmemory-policy',
      'noeviction',
    ];
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    for (let i = 0; i < 200; i += 1) {
      if (await pong(this.port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start on ${this.port}`);
  }

  /** Stops the server abruptly (SIGKILL): a crash, not a shutdown; the append-only file keeps what was written. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('data', (d) => {
      socket.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}
