import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A process under test: where it listens, how fast it became ready, how much memory it took. */
export interface Target {
  name: string;
  baseUrl: string;
  /** Milliseconds from spawning the process to the first 200 from GET /readyz. */
  readyMs: number;
  /** Peak resident set size so far (VmHWM from /proc), in MiB. */
  peakRssMiB(): number;
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

/**
 * Forks `script` with exactly `env` (nothing inherited, so the operator's own variables cannot change
 * the mode under test); `args(port)` or `env(port)` tell it where to listen. Then polls /readyz until 200.
 * Its stdout (the bot's JSON log lines) goes to /dev/null, as it would to a log shipper's pipe.
 */
export async function startTarget(
  name: string,
  script: string,
  options: { env?: (port: number) => Record<string, string>; args?: (port: number) => string[] },
): Promise<Target> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...(options.args?.(port) ?? [])], {
    env: options.env?.(port) ?? {},
    stdio: ['ignore', 'ignore', 'inherit'],
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
