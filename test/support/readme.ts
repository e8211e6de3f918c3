import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The README's runnable shell blocks: a fenced ```sh block right after `<!-- readme-test: <name> -->`.
 * Only marked blocks run, so prose examples with placeholders stay free to be illustrative.
 */
export function readmeBlocks(markdown: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of markdown.matchAll(/<!-- readme-test: ([\w-]+) -->\n```(?:sh|bash)\n([\s\S]*?)\n```/g)) {
    if (blocks.has(match[1])) throw new Error(`README marks two blocks "${match[1]}"`);
    blocks.set(match[1], match[2]);
  }
  return blocks;
}

/** The ports in `ports` that something already listens on at 127.0.0.1. */
export async function busyPorts(ports: number[]): Promise<number[]> {
  const busy: number[] = [];
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (!free) busy.push(port);
  }
  return busy;
}

const END = '@@readme-block-end@@';

/**
 * One bash process fed block after block, as a reader types them into one terminal: variables, functions,
 * the working folder and background jobs carry over from one block to the next.
 */
export class ShellSession {
  private readonly bash: ChildProcess;
  private readonly blockDir = mkdtempSync(join(tmpdir(), 'readme-blocks-'));
  private output = '';
  private waiter: (() => void) | undefined;
  private count = 0;

  constructor(cwd: string) {
    // A minimal environment: what the README sets is all the blocks get (no proxies, no stray SIM or AUTH).
    const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), LANG: 'C.UTF-8' };
    if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
    this.bash = spawn('bash', ['--noprofile', '--norc'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      this.waiter?.();
    };
    this.bash.stdout!.on('data', collect);
    this.bash.stderr!.on('data', collect);
  }

  /** Everything the shell and its background jobs printed so far. */
  get transcript(): string {
    return this.output;
  }

  /** Runs `script` in the session (stdin closed, so nothing reads the commands that follow) and returns its output. */
  async run(script: string, timeoutMs = 50_000): Promise<{ output: string; status: number }> {
    const file = join(this.blockDir, `block-${++this.count}.sh`);
    writeFileSync(file, `${script}\n`);
    const start = this.output.length;
    this.bash.stdin!.write(`source ${file} </dev/null; printf '\\n${END} %s\\n' "$?"\n`);
    const marker = new RegExp(`\\n${END} (\\d+)\\n`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = marker.exec(this.output.slice(start));
      if (found) return { output: this.output.slice(start, start + found.index), status: Number(found[1]) };
      if (this.bash.exitCode !== null) throw new Error(`bash exited (${this.bash.exitCode}):\n${this.output.slice(start)}`);
      if (Date.now() > deadline) throw new Error(`block did not finish in ${timeoutMs} ms:\n${this.output.slice(start)}`);
      // Woken by the next chunk of output, or re-checked within a second.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = undefined;
    }
  }

  /** The value of a shell variable in the session. */
  async variable(name: string): Promise<string> {
    return (await this.run(`printf '%s' "$${name}"`)).output;
  }

  /** Stops the jobs the blocks left in the background by their pids, then the shell; removes `scratch`. */
  async close(scratch?: string): Promise<void> {
    if (this.bash.exitCode === null) {
      const pids = (await this.run('jobs -p')).output.split(/\s+/).filter(Boolean).map(Number);
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      const exited = new Promise((resolve) => this.bash.once('exit', resolve));
      this.bash.stdin!.end();
      await exited;
    }
    rmSync(this.blockDir, { recursive: true, force: true });
    // Only ever a folder the README's `mktemp -d` made.
    if (scratch?.startsWith(tmpdir())) rmSync(scratch, { recursive: true, force: true });
  }
}

/** The receiver lines scripts/demo-receiver.mjs printed (one JSON object per request). */
export function receiverLines(transcript: string): Array<Record<string, any>> {
  return [...transcript.matchAll(/\{"n":\d+,"answered".*$/gm)].map((match) => JSON.parse(match[0]));
}
