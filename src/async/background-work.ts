/**
 * Work that outlives its HTTP answer: a Slack listener after its ack (a slow Face call, then views.update
 * and the channel post), a Teams card update after the invoke answer. Stopping the process lets it
 * finish (bounded), or a user who saw "Creating…" never hears the outcome.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<unknown>>();
  private readonly stopping = new AbortController();

  /** Aborted by `abort()`: work that could go on for long (a training poll) ends when it fires. */
  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  /** Tells long work to end now (no poll outlives a server stop); `drain` then waits for the rest. */
  abort(): void {
    this.stopping.abort(new Error('the server is stopping'));
  }

  /** Wraps a listener so that every run is tracked until it settles. */
  track<A extends unknown[]>(listener: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return (...args: A) => {
      const run = listener(...args);
      this.running.add(run);
      const forget = () => this.running.delete(run);
      run.then(forget, forget);
      return run;
    };
  }

  /** Runs `work` now with the stop signal, tracked until it settles. */
  run(work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    return this.track(() => work(this.stopping.signal))();
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once every tracked run has settled, or after `timeoutMs`, whichever comes first. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await Promise.race([Promise.allSettled([...this.running]), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
