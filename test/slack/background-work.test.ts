import { BackgroundWork } from '../../src/async/background-work';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('BackgroundWork', () => {
  it('keeps a listener run until it settles, and drain waits for it', async () => {
    const work = new BackgroundWork();
    const gate = deferred();
    let finished = false;
    const listener = work.track(async () => {
      await gate.promise;
      finished = true;
    });
    const run = listener();
    expect(work.size).toBe(1);
    const drained = work.drain(10_000).then(() => finished);
    gate.resolve();
    expect(await drained).toBe(true);
    await run;
    expect(work.size).toBe(0);
  });

  it('forgets a run that failed, and the failure still reaches whoever awaits the run', async () => {
    const work = new BackgroundWork();
    const listener = work.track(async () => {
      throw new Error('views.update failed');
    });
    await expect(listener()).rejects.toThrow('views.update failed');
    expect(work.size).toBe(0);
    await work.drain(10);
  });

  it('stops waiting after the timeout when a run never settles', async () => {
    const work = new BackgroundWork();
    const never = work.track(() => new Promise<void>(() => {}));
    void never();
    const started = performance.now();
    await work.drain(50);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(work.size).toBe(1);
  });
});
