import type { AuditEntry, WorkspaceStore } from '../store/types';
import type { Metrics } from './port';

/**
 * The store with every method call timed (like provisioning's store-guard, a Proxy, so a new store
 * method is timed without a change here). Each audit entry written is also one use-case outcome: every
 * use case audits its outcome exactly once (a create that made the Face call together with its claim's
 * result, in finishClaimAndAudit), so outcomes are counted where they are recorded.
 */
export function timedStore(store: WorkspaceStore, metrics: Metrics): WorkspaceStore {
  // One timed wrapper per method, built on first use: a create calls the store several times.
  const wrappers = new Map<string, { method: unknown; wrapper: unknown }>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      const built = wrappers.get(property);
      if (built?.method === value) return built.wrapper;
      const wrapper = async (...args: unknown[]) => {
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        try {
          const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
          metrics.storeOperation(property, 'ok', seconds());
          const entry = auditEntryOf(property, args);
          if (entry) metrics.outcome(entry.action, entry.outcome);
          return result;
        } catch (error) {
          metrics.storeOperation(property, 'error', seconds());
          throw error;
        }
      };
      wrappers.set(property, { method: value, wrapper });
      return wrapper;
    },
  });
}

/** The audit entry a store call writes, if it writes one. */
function auditEntryOf(method: string, args: unknown[]): AuditEntry | undefined {
  if (method === 'appendAudit') return (args as Parameters<WorkspaceStore['appendAudit']>)[0];
  if (method === 'finishClaimAndAudit') return (args as Parameters<WorkspaceStore['finishClaimAndAudit']>)[1];
  return undefined;
}
