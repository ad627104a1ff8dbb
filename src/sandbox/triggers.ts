import { randomBytes } from 'node:crypto';

/**
 * trigger_ids as Slack hands them out: one per command or submission, good for one views.open or
 * views.push. (Slack also expires them after 3 s; the sandbox does not, so a slow test machine never
 * fails a form for the wrong reason. The bot opens its modal first thing anyway.)
 */
export class TriggerBook {
  private readonly unused = new Set<string>();

  issue(): string {
    const id = `${Date.now()}.${randomBytes(6).toString('hex')}`;
    this.unused.add(id);
    // A bot that never opens a modal leaves its trigger unused: keep the set small.
    if (this.unused.size > 100) this.unused.delete(this.unused.values().next().value as string);
    return id;
  }

  /** True once for each issued id. */
  consume(id: string): boolean {
    return this.unused.delete(id);
  }
}
