/**
 * Face's own pace, per workspace: when the Face API answers one of a workspace's calls with 429 and a
 * wait, the workspace is held back for that wait (in the store, so every replica knows), and its other
 * Face-spending actions are answered at once instead of joining a retry storm against the same limit.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logger';
import type { WorkspaceStore } from '../store/types';

/** The workspace whose action is running, and the holds its Face calls asked for meanwhile. */
interface PaceScope {
  workspaceId: string;
  pending: Promise<void>[];
}

const holdKey = (workspaceId: string) => `face:${workspaceId}`;

export class FacePace {
  // The Face client knows keys and endpoints, not workspaces: the running action's workspace travels
  // with its async context from the command table down to the client's 429.
  private readonly scopes = new AsyncLocalStorage<PaceScope>();

  constructor(
    private readonly store: Pick<WorkspaceStore, 'holdBack' | 'heldBackFor'>,
    private readonly logger: Logger,
  ) {}

  /**
   * Runs `work` on behalf of `workspaceId`; a 429 with a wait during it holds the workspace back. Settles
   * once that hold is stored, so the next action (on any replica) already sees it.
   */
  async within<T>(workspaceId: string, work: () => Promise<T>): Promise<T> {
    const scope: PaceScope = { workspaceId, pending: [] };
    try {
      return await this.scopes.run(scope, work);
    } finally {
      await Promise.all(scope.pending);
    }
  }

  /** For the Face client's `onRateLimited`: holds the running action's workspace back for the wait. */
  readonly rateLimited = (retryAfterSeconds: number): void => {
    const scope = this.scopes.getStore();
    if (scope === undefined) return; // a call made outside any chat action (the CLI): nobody to pace
    const { workspaceId } = scope;
    scope.pending.push(
      this.store.holdBack(holdKey(workspaceId), retryAfterSeconds * 1000).catch((error: unknown) => {
        // Without the hold, other users' calls meet the 429 themselves: slower, still correct.
        this.logger.warn({ err: error, workspaceId }, 'could not store the Face API pace');
      }),
    );
  };

  /** Whole seconds the workspace is still held back; 0 when it is not. */
  async secondsLeft(workspaceId: string): Promise<number> {
    return Math.ceil((await this.store.heldBackFor(holdKey(workspaceId))) / 1000);
  }
}
