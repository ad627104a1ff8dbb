/** The result of waiting a bounded time for work that keeps running after the wait ends. */
export type BudgetResult<T> = { settled: true; value: T } | { settled: false; pending: Promise<T> };

/**
 * Waits at most `budgetMs` for `work`. Slack wants every request acked within 3 s, so a listener answers
 * inline when the work is quick and otherwise acks first and finishes from `pending`.
 * A rejection of `work` within the budget rejects here; after it, it stays with `pending`.
 */
export async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<BudgetResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), budgetMs);
  });
  try {
    const first = await Promise.race([work.then((value) => ({ value })), timeout]);
    return first === 'timeout' ? { settled: false, pending: work } : { settled: true, value: first.value };
  } finally {
    clearTimeout(timer);
  }
}
