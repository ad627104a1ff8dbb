/** The last N requests the emulator saw: bounded, so a long-running local emulator does not grow without end. */
import type { EmulatorRequest } from './options';

export const DEFAULT_RECORD_LIMIT = 1000;

export class RequestRecord {
  private readonly ring: (EmulatorRequest | undefined)[];
  /** Where the next entry goes. */
  private next = 0;
  private count = 0;

  constructor(readonly limit: number = DEFAULT_RECORD_LIMIT) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`recordLimit must be a positive integer, got ${limit}`);
    this.ring = new Array(limit);
  }

  /** Keeps `entry` (the caller may still fill in its status), dropping the oldest when full. */
  add(entry: EmulatorRequest): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.limit;
    this.count = Math.min(this.count + 1, this.limit);
  }

  /** Copies of the kept entries, oldest first. */
  list(): EmulatorRequest[] {
    const start = (this.next - this.count + this.limit) % this.limit;
    const entries: EmulatorRequest[] = [];
    for (let i = 0; i < this.count; i += 1) {
      const entry = this.ring[(start + i) % this.limit];
      if (entry !== undefined) entries.push({ ...entry });
    }
    return entries;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.count = 0;
  }
}
