/**
 * The control routes under /_emulator/ (inject faults, read the request record, reset). They exist only
 * when the emulator is started with `faults: true` (tests, `persongroup-bot emulator --faults`): local
 * mode's emulator inside `npm start` has none, so nothing on the machine can make it misbehave.
 */
import { type Answer, unknownRoute } from './answer';
import type { EmulatorFault, FaultQueue } from './faults';
import type { RequestRecord } from './request-record';

export interface ControlTargets {
  faults: FaultQueue;
  record: RequestRecord;
  reset: () => void;
}

export function answerControl(method: string, path: string, body: string, targets: ControlTargets): Answer {
  if (method === 'GET' && path === '/_emulator/requests') return { status: 200, json: targets.record.list() };
  if (method === 'POST' && path === '/_emulator/reset') {
    targets.reset();
    return { status: 200, json: { reset: true } };
  }
  if (method === 'POST' && path === '/_emulator/faults') {
    try {
      const { count = 1, ...fault } = JSON.parse(body) as EmulatorFault & { count?: number };
      targets.faults.add(fault as EmulatorFault, count);
      return { status: 200, json: { pending: targets.faults.pending } };
    } catch (error) {
      return { status: 400, json: { error: { code: 'BadFault', message: (error as Error).message } } };
    }
  }
  return unknownRoute();
}
