import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/redis-server';

/**
 * A PostgreSQL cluster of the test's own (Debian's initdb and pg_ctl on a free port in a temp dir), so a test may
 * stop and start PostgreSQL without touching the server every other test uses. PostgreSQL refuses to run as root:
 * as root, its commands run as the `postgres` system user.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    if (!versions.length) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)');
    const bin = path.join('/usr/lib/postgresql', versions[0], 'bin');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rh-pg-'));
    const pg = new PrivatePostgres(await freePort(), dir, bin);
    if (pg.asRoot) chownSync(dir, Number(pg.run('id', ['-u', 'postgres']).trim()), Number(pg.run('id', ['-g', 'postgres']).trim()));
    pg.run(path.join(bin, 'initdb'), ['-D', pg.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], true);
    return pg;
  }

  private get asRoot(): boolean {
    return process.getuid?.() === 0;
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  private run(command: string, args: string[], asPostgres = false): string {
    const [cmd, argv] = asPostgres && this.asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    // fsync off: this cluster's data is thrown away; a crash test here is about connections, not the disk.
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    this.run(path.join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-o', options, '-l', path.join(this.dir, 'server.log'), '-w', '-t', '60', 'start'], true);
  }

  /** `immediate` is a crash: every connection is cut at once, with no checkpoint. */
  stop(mode: 'fast' | 'immediate' = 'immediate'): void {
    this.run(path.join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop'], true);
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // not running
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
