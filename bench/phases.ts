import http from 'node:http';
import type { Target } from './child';
import { type LoadRequest, type LoadResult, runLoad } from './load';
import { groupId } from './payloads';

const WARMUP_MS = 2000;

/** One measured phase: closed-loop load at `connections` for `durationMs`, answers checked by `expect`. */
export interface Phase {
  connections: number;
  durationMs: number;
  expect: (body: string) => boolean;
  /** Runs just before the phase (e.g. slowing the emulator down). */
  before?: () => Promise<void>;
  /** Runs right after the phase, while the target is idle (e.g. reading its heap after a GC). */
  after?: () => Promise<void>;
  label?: string;
}

/** A phase's load figures and the CPU each process spent during it. */
export interface PhaseResult extends LoadResult {
  /** CPU seconds of the process under test during the phase. */
  targetCpuSeconds: number;
  /** Milliseconds of the target's CPU per answered request. */
  cpuPerRequestMs: number;
  /** CPU seconds of the load generator (this process) and of the stubs, not counted against the target. */
  generatorCpuSeconds: number;
  stubsCpuSeconds: number;
}

/** The CPU clocks a phase reads before and after. */
export interface CpuClocks {
  stubs: () => number;
}

const selfCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * Warm-up at the highest concurrency of the phases (which also opens every keep-alive connection, so no
 * measured request pays a TCP connect), then the measured phases; the warm-up's figures are dropped.
 */
export async function measure(
  target: Target,
  clocks: CpuClocks,
  phase: string,
  build: (id: string) => LoadRequest,
  phases: Phase[],
  log: (line: string) => void,
): Promise<PhaseResult[]> {
  const request = (prefix: string) => (n: number) => build(groupId(prefix, n));
  const connections = Math.max(...phases.map((p) => p.connections));
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const base = { baseUrl: target.baseUrl, agent };
  try {
    await runLoad({ ...base, connections, durationMs: WARMUP_MS, request: request(`${phase}-w`) });
    const results: PhaseResult[] = [];
    for (const [i, { before, after, label, ...p }] of phases.entries()) {
      await before?.();
      log(`${target.name}: c=${p.connections} for ${p.durationMs / 1000} s${label ? ` ${label}` : ''}`);
      const cpu0 = { target: target.cpuSeconds(), self: selfCpuSeconds(), stubs: clocks.stubs() };
      const load = await runLoad({ ...base, ...p, request: request(`${phase}-${i}`) });
      const targetCpuSeconds = target.cpuSeconds() - cpu0.target;
      results.push({
        ...load,
        targetCpuSeconds,
        cpuPerRequestMs: load.ok === 0 ? Number.NaN : (targetCpuSeconds * 1000) / load.ok,
        generatorCpuSeconds: selfCpuSeconds() - cpu0.self,
        stubsCpuSeconds: clocks.stubs() - cpu0.stubs,
      });
      await after?.();
    }
    return results;
  } finally {
    agent.destroy();
  }
}
