import { type ChildProcess, fork, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** A free TCP port on loopback (the OS picks it; the brief gap before our child binds it is acceptable here). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `node <script>` writing straight to `logFile` (not through this process, which is busy driving load). */
export function spawnNode(script: string, env: Record<string, string | undefined>, logFile: string, nodeArgs: string[] = []): ChildProcess {
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...nodeArgs, script], { env, stdio: ['ignore', log, log] });
  closeSync(log);
  return child;
}

/** Forks a bench helper with an IPC channel. */
export function forkNode(script: string): ChildProcess {
  return fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Sends `message` and resolves with the first reply whose type is `replyType` (an `error` reply rejects). */
export function request<T>(child: ChildProcess, message: { type: string }, replyType: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: { type: string; message?: string } & T) => {
      if (reply.type === replyType) finish(() => resolve(reply));
      else if (reply.type === 'error') finish(() => reject(new Error(reply.message)));
    };
    const onExit = (code: number | null) => finish(() => reject(new Error(`child ${child.pid} exited (${code}) before answering`)));
    const finish = (settle: () => void) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(message);
  });
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM by pid (a graceful shutdown), SIGKILL if it has not left after `graceMs`. */
export async function stop(child: ChildProcess | undefined, graceMs = 10_000): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const gone = exited(child);
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}

export async function waitHealthy(url: string, child: ChildProcess, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} (see its log in bench/results/)`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} not healthy after ${timeoutMs} ms`);
    await delay(200);
  }
}

/** Resident memory in MB from /proc: the current value and the process's high-water mark. */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const CLOCK_TICKS_PER_S = 100;

/** CPU seconds (user + system) a process has used so far; 0 once it has gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds this virtual machine's cores were ready to run but the hypervisor ran something else
 * (the `steal` column of /proc/stat): on a shared host the same code runs slower when it grows.
 */
const STOLEN = 'stolen by the host';

function stolenSeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
  return Number(fields[8] ?? 0) / CLOCK_TICKS_PER_S;
}

/** CPU seconds every process of the machine has used (user, nice, system, irq, softirq). */
function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).map(Number);
  return (fields[1] + fields[2] + fields[3] + fields[6] + fields[7]) / CLOCK_TICKS_PER_S;
}

/** What the machine's other work (another engineer's tests, say) took meanwhile: the same code runs slower beside it. */
const OTHERS = 'other processes';

/** CPU used by groups of processes between `start()` and `stop()`, in seconds, and what the host stole meanwhile. */
export class CpuMeter {
  private before = new Map<number, number>();
  private stolenBefore = 0;
  private busyBefore = 0;

  constructor(private readonly groups: () => Promise<Record<string, number[]>>) {}

  async start(): Promise<void> {
    this.before = new Map();
    this.stolenBefore = stolenSeconds();
    this.busyBefore = machineBusySeconds();
    for (const pids of Object.values(await this.groups())) for (const pid of pids) this.before.set(pid, cpuSeconds(pid));
  }

  async stop(): Promise<Record<string, number>> {
    const used: Record<string, number> = {};
    for (const [name, pids] of Object.entries(await this.groups())) {
      used[name] = pids.reduce((sum, pid) => sum + Math.max(0, cpuSeconds(pid) - (this.before.get(pid) ?? cpuSeconds(pid))), 0);
    }
    const ours = Object.values(used).reduce((sum, seconds) => sum + seconds, 0);
    used[OTHERS] = Math.max(0, machineBusySeconds() - this.busyBefore - ours);
    used[STOLEN] = stolenSeconds() - this.stolenBefore;
    return used;
  }
}

/** Samples the RSS of named processes; `take()` returns each one's maximum since the last take. */
export class RssSampler {
  private max = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: Record<string, number>, intervalMs = 250) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  take(): Record<string, number> {
    this.sample();
    const result = Object.fromEntries(Object.keys(this.pids).map((name) => [name, round(this.max.get(name) ?? 0)]));
    this.max.clear();
    return result;
  }

  close(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.pids)) {
      try {
        this.max.set(name, Math.max(this.max.get(name) ?? 0, memoryMb(pid).rss));
      } catch {
        // The process has gone; its last samples stand.
      }
    }
  }
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
