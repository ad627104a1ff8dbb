import { StoreUnavailableError } from '../store/errors';
import type { WorkspaceStore } from '../store/types';

/**
 * The store as the use cases see it: every method's failure becomes a StoreUnavailableError (cause
 * kept), so a use case can tell "the database failed" from a bug and answer the user with an outcome.
 */
export function guardStore(store: WorkspaceStore): WorkspaceStore {
  // One wrapper per method, built on first use: a create calls the store several times.
  const wrappers = new Map<string | symbol, { method: unknown; wrapper: unknown }>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const built = wrappers.get(property);
      if (built?.method === value) return built.wrapper;
      const wrapper = async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error);
        }
      };
      wrappers.set(property, { method: value, wrapper });
      return wrapper;
    },
  });
}
