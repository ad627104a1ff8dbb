import { randomUUID } from 'node:crypto';
import type { WindowLimit, WorkspaceStore } from '../../src/store/types';

/**
 * The guardrails half of the shared WorkspaceStore suite (see store-suite.ts): fixed-window limits and
 * holds. `open()` opens another store on the same database (a second replica or process).
 */
export function describeGuardrailsStore(
  getStore: () => WorkspaceStore,
  open: () => Promise<WorkspaceStore>,
): void {
  const key = (kind: string) => `${kind}:${randomUUID()}`;
  const minute = (limitKey: string, limit: number): WindowLimit => ({
    key: limitKey,
    limit,
    windowMs: 60_000,
  });

  it('admits events up to a limit, then refuses and says how long until its window ends', async () => {
    const user = minute(key('user'), 3);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await getStore().admitWithinLimits([user]));
    expect(answers.slice(0, 3)).toEqual([{ admitted: true }, { admitted: true }, { admitted: true }]);
    expect(answers[3]).toEqual({ admitted: false, key: user.key, retryAfterMs: expect.any(Number) });
    const refused = answers[3] as { retryAfterMs: number };
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('counts nothing when one of several limits is reached', async () => {
    const workspace = minute(key('workspace'), 1);
    const first = minute(key('user'), 5);
    const second = minute(key('user'), 5);
    expect(await getStore().admitWithinLimits([first, workspace])).toEqual({ admitted: true });
    expect(await getStore().admitWithinLimits([second, workspace])).toMatchObject({
      admitted: false,
      key: workspace.key,
    });
    // The refused event did not use up the second user's own allowance.
    for (let i = 0; i < 5; i++) {
      expect(await getStore().admitWithinLimits([second])).toEqual({ admitted: true });
    }
    expect(await getStore().admitWithinLimits([second])).toMatchObject({ admitted: false });
  });

  it('starts a new window once the old one has ended', async () => {
    const short: WindowLimit = { key: key('user'), limit: 1, windowMs: 1 };
    expect(await getStore().admitWithinLimits([short])).toEqual({ admitted: true });
    // Waits for the 1 ms window to end on the engine's clock: a refusal says how long is left.
    let answer = await getStore().admitWithinLimits([short]);
    while (!answer.admitted) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(1, answer.admitted ? 0 : answer.retryAfterMs)),
      );
      answer = await getStore().admitWithinLimits([short]);
    }
    expect(answer).toEqual({ admitted: true });
  });

  it('counts every event once when many arrive at once through two stores on the same database', async () => {
    const other = await open();
    const shared = minute(key('workspace'), 10);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? getStore() : other).admitWithinLimits([shared])),
    );
    expect(answers.filter((answer) => answer.admitted)).toHaveLength(10);
  });

  it('holds a key back for a while, keeps the longer of two holds, and reports 0 for a free key', async () => {
    const held = key('face');
    expect(await getStore().heldBackFor(held)).toBe(0);
    await getStore().holdBack(held, 30_000);
    await getStore().holdBack(held, 1_000);
    const left = await getStore().heldBackFor(held);
    expect(left).toBeGreaterThan(1_000);
    expect(left).toBeLessThanOrEqual(30_000);
    await getStore().holdBack(held, 90_000);
    expect(await getStore().heldBackFor(held)).toBeGreaterThan(30_000);
  });
}
