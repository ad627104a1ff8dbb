import { type ChildProcess, fork } from 'node:child_process';
import { processCpuSeconds, stopChild } from './child';
import type { StubsMessage } from './roles/stubs';

/** The stubs process (emulator + fake Slack) as the orchestrator uses it. */
export interface Stubs {
  emulatorUrl: string;
  slackApiUrl: string;
  responseUrlBase: string;
  /** Every one of the next `count` Face requests waits `ms` more. */
  injectLatency(ms: number, count: number): Promise<void>;
  /** CPU seconds the stubs process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Forks the compiled stubs role and waits for its addresses. */
export async function startStubs(script: string): Promise<Stubs> {
  const child = fork(script, [], { env: {}, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = await firstMessage<StubsMessage>(child, 'stubs', 'stubs');
  return {
    emulatorUrl: ready.emulatorUrl,
    slackApiUrl: ready.slackApiUrl,
    responseUrlBase: ready.responseUrlBase,
    async injectLatency(ms, count) {
      const done = firstMessage<{ type: 'ok' }>(child, 'ok', 'stubs');
      child.send({ type: 'latency', ms, count });
      await done;
    },
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: () => stopChild(child, 2000),
  };
}

/** Resolves with the child's first IPC message of `type`; rejects if it exits first. */
function firstMessage<T extends { type: string }>(
  child: ChildProcess,
  type: T['type'],
  name: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string }) => {
      if (message.type !== type) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`${name} exited (code ${code}) before ${type}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
