import { StoreUnavailableError } from '../store/errors';
import type { WorkspaceStore } from '../store/types';

/**
 * The store as the use cases see it: every method's failure becomes a StoreUnavailableError (cause
 * kept), so a use case can tell "the database failed" from a bug and answer the user with an outcome.
 */
export function guardStore(store: WorkspaceStore): WorkspaceStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error);
        }
      };
    },
  });
}
