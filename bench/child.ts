import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { HeapRequest, HeapStatistics } from './roles/heap-hook';

/** A process under test: where it listens, how fast it became ready, how much CPU and memory it took. */
export interface Target {
  name: string;
  baseUrl: string;
  /** Milliseconds from spawning the process to the first 200 from GET /readyz. */
  readyMs: number;
  /** Peak resident set size so far (VmHWM from /proc), in MiB. */
  peakRssMiB(): number;
  /** CPU time (user + system, every thread) the process has used so far, in seconds. */
  cpuSeconds(): number;
  /** Forces a full GC in the process (through the bench's preload hook) and returns its heap then. */
  heapAfterGc(): Promise<HeapStatistics>;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Where the compiled roles live (this file is compiled next to them into dist/bench/bench). */
export function rolePath(role: string): string {
  return path.join(__dirname, 'roles', `${role}.js`);
}

/** A port free on 127.0.0.1 right now (the target is told to listen there). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface TargetOptions {
  env?: (port: number) => Record<string, string>;
  args?: (port: number) => string[];
  /** A CPU list for taskset (e.g. "1"): the process runs only there. */
  cpus?: string | undefined;
  /** Node options before the script (e.g. --cpu-prof). */
  nodeArgs?: readonly string[];
}

/**
 * Spawns `script` with exactly `env` (nothing inherited, so the operator's own variables cannot change
 * the mode under test); `args(port)` or `env(port)` tell it where to listen. Then polls /readyz until 200.
 * Every target runs with --expose-gc and the bench's heap hook preloaded, ours and the floors alike, so
 * what they cost at start and per request is measured under the same flags. Its stdout (the bot's JSON
 * log lines) goes to /dev/null, as it would to a log shipper's pipe.
 */
export async function startTarget(name: string, script: string, options: TargetOptions): Promise<Target> {
  const port = await freePort();
  const node = [
    process.execPath,
    '--expose-gc',
    '--require',
    rolePath('heap-hook'),
    ...(options.nodeArgs ?? []),
    script,
    ...(options.args?.(port) ?? []),
  ];
  // taskset execs node in place, so the child's pid is node's own.
  const [command, ...args] = options.cpus ? ['taskset', '-c', options.cpus, ...node] : node;
  const started = performance.now();
  const child = spawn(command as string, args, {
    env: options.env?.(port) ?? {},
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${name} exited (code ${code}) before it was ready`))),
  );
  exited.catch(() => undefined); // only raced below; an exit after readiness is not an error here
  const baseUrl = `http://127.0.0.1:${port}`;
  const readyMs = (await Promise.race([untilReady(baseUrl, 15_000), exited])) - started;
  return {
    name,
    baseUrl,
    readyMs,
    peakRssMiB: () => peakRssMiB(child),
    cpuSeconds: () => processCpuSeconds(child.pid),
    heapAfterGc: () => askHeap(child),
    stop: (graceMs = 3000) => stopChild(child, graceMs),
  };
}

async function untilReady(baseUrl: string, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const status = await fetch(`${baseUrl}/readyz`).then(
      (res) => res.arrayBuffer().then(() => res.status),
      () => 0, // not accepting connections yet
    );
    if (status === 200) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${baseUrl}/readyz did not answer 200 within ${timeoutMs} ms`);
}

function peakRssMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmHWM in /proc/${child.pid}/status`);
  return Number(kib) / 1024;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on every Linux this runs on). */
const USER_HZ = 100;

/** utime + stime of a process (all its threads), in seconds. */
export function processCpuSeconds(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}

function askHeap(child: ChildProcess): Promise<HeapStatistics> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the heap hook did not answer within 10 s')), 10_000);
    const onMessage = (message: HeapStatistics | { type?: string }) => {
      if (message.type !== 'heap') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message as HeapStatistics);
    };
    child.on('message', onMessage);
    const request: HeapRequest = { type: 'gc-and-measure' };
    child.send(request);
  });
}

/** Stops a child this bench forked: SIGTERM, then SIGKILL after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
