import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The machine a run happened on, as one line for the report. */
export function describeMachine(now: Date = new Date()): string {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown CPU';
  return [
    `Node ${process.version}`,
    `nproc ${os.availableParallelism()}`,
    `CPU ${model}`,
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `${os.type()} ${os.release()}`,
    now.toISOString(),
  ].join(', ');
}
