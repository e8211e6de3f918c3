import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from '../support/poll.js';
import { exited, freePort } from '../support/processes.js';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why the suite cannot run here, or null: it needs initdb/pg_ctl and redis-server. */
export function missingTools(): string | null {
  if (!existsSync(join(PG_BIN, 'initdb'))) return `initdb not found in ${PG_BIN} (set PG_BIN)`;
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'redis-server not found';
  }
  if (userInfo().uid === 0) {
    try {
      execFileSync('runuser', ['-u', 'postgres', '--', 'true'], { stdio: 'ignore' });
    } catch {
      return 'running as root without a postgres user to run initdb as';
    }
  }
  return null;
}

/**
 * A PostgreSQL cluster of the suite's own, in a temporary directory, on a free loopback port: stopping it
 * touches nothing else. As root, the cluster belongs to the `postgres` user (initdb refuses root).
 */
export class OwnPostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'pucomex-faults-pg-'));
  port = 0;
  private readonly asRoot = userInfo().uid === 0;

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/pucomex`;
  }

  private run(command: string, args: string[]): void {
    const [file, argv] = this.asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, command), ...args]] : [join(PG_BIN, command), args];
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  }

  async init(): Promise<void> {
    if (this.asRoot) {
      chownSync(this.dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
      chmodSync(this.dir, 0o700);
    }
    this.port = await freePort();
    this.run('initdb', ['-D', join(this.dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync']);
    await this.start();
    execFileSync(join(PG_BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', 'pucomex']);
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-o', options, '-l', join(this.dir, 'log'), '-w', 'start']);
  }

  stop(): void {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // Already stopped.
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A Redis of the suite's own, without persistence: killing it and starting it again loses everything. */
export class OwnRedis {
  port = 0;
  private child?: ChildProcess;

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await pollUntil(
      async () => {
        try {
          return execFileSync('redis-cli', ['-p', String(this.port), 'ping']).toString().trim();
        } catch {
          return '';
        }
      },
      (reply) => reply === 'PONG',
      { what: 'redis-server to answer', timeoutMs: 20_000, intervalMs: 100 },
    );
  }

  async kill(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await exited(this.child);
    this.child = undefined;
  }

  flush(): void {
    execFileSync('redis-cli', ['-p', String(this.port), 'FLUSHALL']);
  }
}
