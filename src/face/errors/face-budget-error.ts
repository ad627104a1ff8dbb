/**
 * The client gave up because the next attempt (or the wait before it) would not fit in the total time
 * budget. `lastError` is what the last attempt got; `retryAfterSeconds` tells the user when to try again.
 */
export class FaceBudgetExhaustedError extends Error {
  override readonly name = 'FaceBudgetExhaustedError';
  constructor(
    readonly budgetMs: number,
    readonly attempts: number,
    readonly retryAfterSeconds: number | undefined,
    readonly lastError: unknown,
    readonly requestId: string | undefined,
  ) {
    const hint = retryAfterSeconds === undefined ? '' : `; retry after ${retryAfterSeconds} s`;
    super(`Face API call gave up after ${attempts} attempt(s) within its ${budgetMs} ms budget${hint}`, {
      cause: lastError,
    });
  }
}
